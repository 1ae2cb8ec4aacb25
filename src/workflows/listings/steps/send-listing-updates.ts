import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { UpdateCandidate } from "../../../lib/listings/updates"
import { sendPriceStockBatches } from "../helpers/send-price-stock"

export const sendListingUpdatesStepId = "send-aliexpress-listing-updates"

/** Batch calls of 20 for gathered price and stock changes; outcomes stored, never thrown. */
export const sendListingUpdatesStep = createStep(sendListingUpdatesStepId, async (input: { account_id: string; candidates: UpdateCandidate[] }, { container }) => {
  const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
  return new StepResponse(await sendPriceStockBatches(service, input.account_id, input.candidates))
})
