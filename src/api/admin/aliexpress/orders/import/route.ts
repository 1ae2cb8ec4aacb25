import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { orderImportRunner } from "../../../../../runners/order-import"
import { withAliExpressErrors } from "../../../../utils/aliexpress-errors"

/** "Import now": the scheduled run, without waiting for the interval. */
export const POST = withAliExpressErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const result = await orderImportRunner.run(req.scope, { trigger: "manual" })
  res.json({ result })
})
