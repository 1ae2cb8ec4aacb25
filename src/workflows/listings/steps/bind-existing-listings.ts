import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { listingStatusFromAe } from "../../../lib/listings/status"
import type { ExistingAeProduct } from "./read-aliexpress-products"

export const bindExistingListingsStepId = "bind-existing-aliexpress-listings"

/**
 * Binds each AliExpress product to the Medusa product whose variants carry its SKU codes, so
 * the sync edits it instead of posting a duplicate. Products that match nothing (or match
 * several products) are kept as unmatched rows for the merchant to bind by hand.
 * Compensation deletes the rows it created and restores the ones it changed.
 */
export const bindExistingListingsStep = createStep(
  bindExistingListingsStepId,
  async (input: { account_id: string; products: ExistingAeProduct[] }, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const account = await service.requireAccount(input.account_id)
    const created: string[] = []
    const previous: any[] = []
    const summary = { bound: 0, unmatched: 0, already_bound: 0 }

    const known = await service.listAliExpressListings(
      { account_id: account.id, ae_product_id: input.products.map((p) => p.productId) },
      { select: ["id", "ae_product_id"], take: input.products.length || 1 }
    )
    const knownIds = new Set(known.map((k) => k.ae_product_id))
    const allSkus = [...new Set(input.products.flatMap((p) => p.skuCodes))]
    const skuToProduct = new Map<string, string>()
    for (let i = 0; i < allSkus.length; i += 500) {
      const { data } = await query.graph({ entity: "product_variant", fields: ["sku", "product_id"], filters: { sku: allSkus.slice(i, i + 500) } })
      for (const v of data) skuToProduct.set(v.sku, v.product_id)
    }

    for (const ae of input.products) {
      if (knownIds.has(ae.productId)) {
        summary.already_bound++
        continue
      }
      const matches = new Set(ae.skuCodes.map((s) => skuToProduct.get(s)).filter(Boolean) as string[])
      const productId = matches.size === 1 ? [...matches][0] : null
      const [existing] = productId
        ? await service.listAliExpressListings({ account_id: account.id, product_id: productId }, { take: 1 })
        : []
      const aeFields = { ae_product_id: ae.productId, ae_status: ae.status, status: listingStatusFromAe(ae.status), sku_codes: ae.skuCodes }
      if (productId && existing && !existing.ae_product_id) {
        previous.push(existing)
        await service.saveListing({ id: existing.id, ...aeFields, post_started_at: null, content_hash: null, price_hash: null, stock_hash: null, sync_requested_at: new Date() })
        summary.bound++
      } else if (productId && !existing) {
        const row = await service.createListing({ account_id: account.id, product_id: productId, ...aeFields, sync_requested_at: new Date() })
        created.push(row.id)
        summary.bound++
      } else {
        const row = await service.createListing({
          account_id: account.id,
          product_id: null,
          product_title: ae.subject,
          search_text: [ae.subject ?? "", ...ae.skuCodes].join(" ").toLowerCase(),
          ...aeFields,
          problems: [
            {
              field: "product",
              message: matches.size > 1 ? `Its SKU codes belong to ${matches.size} Medusa products` : "No Medusa product has its SKU codes",
              hint: "Bind it to a Medusa product by hand, or give the Medusa variants the same SKU codes",
              origin: "marketplace",
            },
          ],
          problem_count: 1,
        })
        created.push(row.id)
        summary.unmatched++
      }
    }
    await service.updateAliExpressAccounts({ id: account.id, existing_listings_imported_at: new Date() })
    return new StepResponse(summary, { created, previous, accountId: account.id })
  },
  async (comp, { container }) => {
    if (!comp) {
      return
    }
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    if (comp.created.length) {
      await service.deleteAliExpressListings(comp.created)
    }
    for (const row of comp.previous) {
      const { created_at, updated_at, deleted_at, ...data } = row
      await service.updateAliExpressListings(data)
    }
    await service.updateAliExpressAccounts({ id: comp.accountId, existing_listings_imported_at: null })
  }
)
