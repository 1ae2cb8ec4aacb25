import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"

export const bindListingStepId = "bind-aliexpress-listing"

/**
 * Binds an unmatched AliExpress product to a Medusa product chosen by the merchant. Refuses
 * when that product is already listed under another AliExpress product. Compensation undoes it.
 */
export const bindListingStep = createStep(
  bindListingStepId,
  async (input: { account_id?: string | null; ae_product_id: string; product_id: string }, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const account = await service.requireAccount(input.account_id)
    const [unmatched] = await service.listAliExpressListings({ account_id: account.id, ae_product_id: input.ae_product_id, product_id: null }, { take: 1 })
    if (!unmatched) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `No unmatched AliExpress product ${input.ae_product_id}`)
    }
    const [current] = await service.listAliExpressListings({ account_id: account.id, product_id: input.product_id }, { take: 1 })
    if (current?.ae_product_id) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Product ${input.product_id} is already listed as AliExpress product ${current.ae_product_id}`)
    }
    if (current) {
      await service.softDeleteAliExpressListings(current.id)
    }
    const bound = await service.saveListing({
      id: unmatched.id,
      product_id: input.product_id,
      problems: [],
      problem_count: 0,
      content_hash: null,
      price_hash: null,
      stock_hash: null,
      sync_requested_at: new Date(),
    })
    return new StepResponse(bound, { unmatchedId: unmatched.id, replacedId: current?.id ?? null })
  },
  async (comp, { container }) => {
    if (!comp) {
      return
    }
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    await service.saveListing({ id: comp.unmatchedId, product_id: null })
    if (comp.replacedId) {
      await service.restoreAliExpressListings(comp.replacedId)
    }
  }
)
