import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { loadListingProducts, productsInChannel } from "../helpers/load-products"
import { loadMappingSetup } from "../helpers/mapping-setup"
import { planListing, unchangedPlan, type PlannedListing } from "../../../lib/listings/plan"
import { planStamp, stampableNow, unchangedByStamp, type StampedRow } from "../../../lib/listings/source-stamp"
import { computeSellableStock, resolveStockLocationIds } from "../helpers/sellable-stock"
import { productPrints } from "../helpers/source-prints"
import { readCategoryAttributes } from "./read-category-attributes"
import { mappingContextPrint } from "../helpers/context-print"

export const planListingSyncStepId = "plan-aliexpress-listing-sync"

/** The listing columns planning reads (not the stored payload, problems or search text). */
const PLAN_FIELDS = [
  "id",
  "product_id",
  "ae_product_id",
  "ae_status",
  "status",
  "content_hash",
  "price_hash",
  "stock_hash",
  "refused_hash",
  "source_stamp",
  "problem_count",
  "post_started_at",
  "next_attempt_at",
]

/**
 * Reads the batch's products, stock and mapping template and decides, per listing, what
 * AliExpress needs (nothing, a post, an edit, a price or stock update, offline). Only reads.
 * A listing whose stamp shows that neither its product (rows, prices, stock) nor the mapping
 * settings changed since its hashes were last made is planned as "nothing" without loading and
 * mapping the product: that is most of a reconcile. Every other listing is mapped in full, and
 * one found unchanged gets its stamp (`stamp_write`) for the next time.
 */
export const planListingSyncStep = createStep(
  planListingSyncStepId,
  async (input: { account_id: string; listing_ids: string[]; ignore_backoff?: boolean }, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const { account, client } = await service.requireConnectedAccount(input.account_id)
    const rows = (await service.listAliExpressListings(
      { id: input.listing_ids, product_id: { $ne: null } },
      { select: PLAN_FIELDS, take: input.listing_ids.length }
    )) as unknown as StampedRow[]
    const now = Date.now()
    const due = rows.filter(
      (r) => input.ignore_backoff || r.status !== "error" || !r.next_attempt_at || new Date(r.next_attempt_at).getTime() <= now
    )
    const productIds = due.map((r) => r.product_id!)
    const [prints, inChannel, setup, locationIds] = await Promise.all([
      productPrints(container, productIds),
      productsInChannel(container, account.sales_channel_id ?? "", productIds),
      loadMappingSetup(container, service, account, client),
      resolveStockLocationIds(container, account),
    ])
    const context = prints.size ? await mappingContextPrint(service, account.id, setup, locationIds) : null
    const unchanged = new Set(
      due.filter((r) => unchangedByStamp(r, prints.get(r.product_id!), context, inChannel.has(r.product_id!))).map((r) => r.id)
    )
    const toMap = due.filter((r) => !unchanged.has(r.id))
    const products = await loadListingProducts(container, toMap.map((r) => r.product_id!))
    const requirements = Object.assign({}, ...[...products.values()].map((p) => p.inventory))
    const stock = await computeSellableStock(container, requirements, locationIds)
    const categoryAttributes = await readCategoryAttributes(service, account, client, [...products.values()].map((p) => p.source), setup)
    const ctx = { ...setup, stock, categoryAttributes }
    const plans: PlannedListing[] = due.map((row) => {
      if (unchanged.has(row.id)) {
        return unchangedPlan(row)
      }
      const plan = planListing(row, products.get(row.product_id!), inChannel.has(row.product_id!), ctx)
      const source_stamp = planStamp(plan, prints.get(row.product_id!), context)
      return { ...plan, source_stamp, stamp_write: !!source_stamp && source_stamp !== row.source_stamp && stampableNow(row, plan) }
    })
    return new StepResponse(plans)
  }
)
