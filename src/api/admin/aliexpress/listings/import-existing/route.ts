import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listingSyncRunner } from "../../../../../runners/listing-sync"
import { withAliExpressErrors } from "../../../../utils/aliexpress-errors"
import { requireAccountOf } from "../../../../utils/account-scope"

/**
 * Reads the seller's AliExpress products again and binds them to Medusa products by SKU;
 * the runner does it under the sync lock, so no run posts what is being bound.
 */
export const POST = withAliExpressErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const account = await requireAccountOf(req)
  res.json({ import: await listingSyncRunner.importExisting(req.scope, account.id) })
})
