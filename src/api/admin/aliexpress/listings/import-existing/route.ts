import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { importExistingListingsWorkflow } from "../../../../../workflows/listings/workflows/import-existing-listings"
import { withListingSyncLock } from "../../../../../workflows/listings/run-listing-sync"
import { scheduleListingSync } from "../../../../../workflows/listings/schedule-listing-sync"
import { withAliExpressErrors } from "../../../../utils/aliexpress-errors"

/**
 * Reads the seller's AliExpress products again and binds them to Medusa products by SKU.
 * Under the sync lock: a run posting at the same moment could otherwise post what is being bound.
 */
export const POST = withAliExpressErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await withListingSyncLock(req.scope, () => importExistingListingsWorkflow(req.scope).run())
  scheduleListingSync(req.scope)
  res.json({ import: result })
})
