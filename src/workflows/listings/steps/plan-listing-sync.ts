import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { loadListingProducts } from "../helpers/load-products"
import { planListing, unchangedPlan, type PlannedListing } from "../../../lib/listings/plan"
import { planBaseStamp, planStamp, stampableNow, type StampedRow } from "../../../lib/listings/source-stamp"
import { computeSellableStock } from "../helpers/sellable-stock"
import { checkStamps, PLAN_FIELDS } from "../helpers/stamp-check"
import { readCategoryAttributes } from "./read-category-attributes"

export const planListingSyncStepId = "plan-aliexpress-listing-sync"

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
    const connected = await service.requireConnectedAccount(input.account_id)
    const { account, client } = connected
    const rows = (await service.listAliExpressListings(
      { id: input.listing_ids, product_id: { $ne: null } },
      { select: PLAN_FIELDS, take: input.listing_ids.length }
    )) as unknown as StampedRow[]
    const now = Date.now()
    const due = rows.filter(
      (r) => input.ignore_backoff || r.status !== "error" || !r.next_attempt_at || new Date(r.next_attempt_at).getTime() <= now
    )
    const { prints, inChannel, setup, locationIds, context, baseContext, unchanged } = await checkStamps(container, service, connected, due)
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
      const print = prints.get(row.product_id!)
      const source_stamp = planStamp(plan, print, context)
      const base_stamp = planBaseStamp(plan, print, baseContext)
      const stamp_write = !!source_stamp && (source_stamp !== row.source_stamp || base_stamp !== row.base_stamp) && stampableNow(row, plan)
      return { ...plan, source_stamp, base_stamp, stamp_write }
    })
    return new StepResponse(plans)
  }
)
