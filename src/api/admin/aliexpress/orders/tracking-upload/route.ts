import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { parseTrackingCsv } from "../../../../../lib/orders/tracking-csv"
import { shipAliExpressOrderWithTrackingWorkflow } from "../../../../../workflows/shipments/workflows/ship-with-tracking"
import type { AdminUploadTrackingType } from "../validators"
import { withAliExpressErrors } from "../../../../utils/aliexpress-errors"
import { requireAccountOf } from "../../../../utils/account-scope"

/** CSV of `order_id,carrier,tracking_number`: each line fulfils and ships its order; the answer says ok or why not, per line. */
export const POST = withAliExpressErrors(async (req: AuthenticatedMedusaRequest<AdminUploadTrackingType>, res: MedusaResponse) => {
  const account = await requireAccountOf(req)
  const { rows, errors } = parseTrackingCsv(req.validatedBody.csv)
  const results: Array<Record<string, unknown>> = errors.map((e) => ({ line: e.line, ok: false, error: e.error }))
  for (const row of rows) {
    try {
      const { result } = await shipAliExpressOrderWithTrackingWorkflow(req.scope).run({
        input: { account_id: account.id, ae_order_id: row.ae_order_id, service_name: row.carrier, tracking_number: row.tracking_number },
      })
      results.push({ line: row.line, ae_order_id: row.ae_order_id, ok: true, ...result })
    } catch (e: any) {
      results.push({ line: row.line, ae_order_id: row.ae_order_id, ok: false, error: e?.message ?? String(e) })
    }
  }
  results.sort((a, b) => Number(a.line) - Number(b.line))
  res.json({ results, ok: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length })
})
