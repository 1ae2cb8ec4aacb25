import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { loadListingProducts, productsInChannel } from "../helpers/load-products"
import { loadMappingSetup } from "../helpers/mapping-setup"
import { planListing, type ListingRow, type PlannedListing } from "../../../lib/listings/plan"
import { computeSellableStock, resolveStockLocationIds } from "../helpers/sellable-stock"
import { readCategoryAttributes } from "./read-category-attributes"

export const planListingSyncStepId = "plan-aliexpress-listing-sync"

/**
 * Reads the batch's products, stock and mapping template and decides, per listing, what
 * AliExpress needs (nothing, a post, an edit, a price or stock update, offline). Only reads.
 */
export const planListingSyncStep = createStep(
  planListingSyncStepId,
  async (input: { account_id: string; listing_ids: string[]; ignore_backoff?: boolean }, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const { account, client } = await service.requireConnectedAccount(input.account_id)
    const rows = (await service.listAliExpressListings(
      { id: input.listing_ids, product_id: { $ne: null } },
      { take: input.listing_ids.length }
    )) as unknown as ListingRow[]
    const now = Date.now()
    const due = rows.filter(
      (r) => input.ignore_backoff || r.status !== "error" || !r.next_attempt_at || new Date(r.next_attempt_at).getTime() <= now
    )
    const productIds = due.map((r) => r.product_id!)
    const [products, inChannel, setup, locationIds] = await Promise.all([
      loadListingProducts(container, productIds),
      productsInChannel(container, account.sales_channel_id ?? "", productIds),
      loadMappingSetup(container, service, account, client),
      resolveStockLocationIds(container, account),
    ])
    const requirements = Object.assign({}, ...[...products.values()].map((p) => p.inventory))
    const stock = await computeSellableStock(container, requirements, locationIds)
    const categoryAttributes = await readCategoryAttributes(service, account, client, [...products.values()].map((p) => p.source), setup)
    const ctx = { ...setup, stock, categoryAttributes }
    const plans: PlannedListing[] = due.map((row) =>
      planListing(row, products.get(row.product_id!), inChannel.has(row.product_id!), ctx)
    )
    return new StepResponse(plans)
  }
)
