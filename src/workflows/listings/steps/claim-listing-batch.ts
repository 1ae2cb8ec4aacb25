import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { retryDelayMs } from "../../../lib/listings/config"

export const claimListingBatchStepId = "claim-aliexpress-listing-batch"

/**
 * Takes a batch off the queue (clears `sync_requested_at`) before the products are read, so a
 * change made during the run requests the product again. If the run fails, compensation puts
 * the batch back on the queue and shows untouched rows as errors, so nothing fails silently.
 */
export const claimListingBatchStep = createStep(
  claimListingBatchStepId,
  async (input: { listing_ids: string[] }, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    if (!input.listing_ids.length) {
      return new StepResponse([], [])
    }
    await service.setSyncRequested(input.listing_ids, null)
    return new StepResponse(input.listing_ids, input.listing_ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const now = new Date()
    await service.updateAliExpressListings({ selector: { id: ids }, data: { sync_requested_at: now } })
    await service.updateAliExpressListings({
      selector: { id: ids, status: "pending" },
      data: {
        status: "error",
        last_error: "The sync run stopped before this product was sent; it is retried automatically",
        next_attempt_at: new Date(now.getTime() + retryDelayMs(1)),
      },
    })
  }
)
