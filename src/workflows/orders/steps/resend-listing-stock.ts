import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"

export const resendListingStockStepId = "resend-aliexpress-listing-stock"

/**
 * AliExpress lowers its own stock when a buyer orders, so what it shows no longer matches the
 * stock last sent. Forgetting that hash makes the next sync send the ruled quantity even when
 * it did not change on Medusa's side (a quantity capped by max_quantity, say).
 */
export const resendListingStockStep = createStep(
  resendListingStockStepId,
  async (input: { account_id: string; product_ids: string[] }, { container }) => {
    const productIds = [...new Set(input.product_ids)]
    if (!productIds.length) {
      return new StepResponse(0)
    }
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    await service.updateAliExpressListings({
      selector: { account_id: input.account_id, product_id: productIds },
      data: { stock_hash: null, sync_requested_at: new Date() },
    })
    return new StepResponse(productIds.length)
  }
)
