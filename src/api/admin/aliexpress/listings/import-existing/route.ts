import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { importExistingListingsWorkflow } from "../../../../../workflows/listings/workflows/import-existing-listings"
import { scheduleListingSync } from "../../../../../workflows/listings/schedule-listing-sync"

/** Reads the seller's AliExpress products again and binds them to Medusa products by SKU. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await importExistingListingsWorkflow(req.scope).run()
  scheduleListingSync(req.scope)
  res.json({ import: result })
}
