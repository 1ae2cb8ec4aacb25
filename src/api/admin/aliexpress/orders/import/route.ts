import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { orderImportRunner } from "../../../../../runners/order-import"
import { withAliExpressErrors } from "../../../../utils/aliexpress-errors"
import { requireAccountOf } from "../../../../utils/account-scope"

/** "Import now": the scheduled run, without waiting for the interval. */
export const POST = withAliExpressErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const account = await requireAccountOf(req)
  const result = await orderImportRunner.run(req.scope, account.id, { trigger: "manual" })
  res.json({ result })
})
