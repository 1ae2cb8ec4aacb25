import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PlannedListing } from "../../../lib/listings/plan"
import { toUpdateCandidate, type UpdateCandidate } from "../../../lib/listings/updates"
import { sendPriceStockBatches } from "../helpers/send-price-stock"

export const updateListingPricesStockStepId = "update-aliexpress-listing-prices-stock"

/**
 * The page's price and stock changes: sent now in batch calls of 20 products, or, when the run
 * is large enough for the feed path (`defer`), handed back for the run to gather into feed jobs
 * of 300. Never throws for AliExpress answers: each product's outcome is stored instead.
 */
export const updateListingPricesStockStep = createStep(
  updateListingPricesStockStepId,
  async (input: { account_id: string; plans: PlannedListing[]; failed: string[]; defer?: boolean }, { container }) => {
    const failed = new Set(input.failed)
    const candidates = input.plans
      .filter((p) => p.action === "update" && p.ae_product_id && (p.send_price || p.send_stock) && !failed.has(p.listing_id))
      .map(toUpdateCandidate)
    if (input.defer || !candidates.length) {
      return new StepResponse({ price: 0, stock: 0, deferred: input.defer ? candidates : ([] as UpdateCandidate[]) })
    }
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const counts = await sendPriceStockBatches(service, input.account_id, candidates)
    return new StepResponse({ ...counts, deferred: [] as UpdateCandidate[] })
  }
)
