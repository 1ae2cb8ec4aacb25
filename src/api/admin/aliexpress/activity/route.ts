import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ALIEXPRESS_MODULE } from "../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../modules/aliexpress/service"
import { activitySeries, activityTotals, windowStart } from "../../../../lib/activity/daily-activity"
import type { AdminGetAliExpressActivityType } from "./validators"
import { accountIdOf } from "../../../utils/account-scope"

/**
 * The overview charts: per UTC day of the window (30 days unless asked), orders imported,
 * listings posted / updated / failed and shipments pushed / failed, zeros included.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { days } = req.validatedQuery as AdminGetAliExpressActivityType
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const account = await service.getAccount(accountIdOf(req))
  const now = new Date()
  const rows = account ? await service.listActivity(account.id, windowStart(days, now)) : []
  const series = activitySeries(rows, days, now)
  res.json({ activity: { days, from: series[0].day, to: series[series.length - 1].day, series, totals: activityTotals(series) } })
}
