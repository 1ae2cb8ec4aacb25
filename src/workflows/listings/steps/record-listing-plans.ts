import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import type { PlannedListing } from "../../../lib/listings/plan"
import { searchText } from "../../../lib/listings/search-text"
import { stampFields } from "../../../lib/listings/source-stamp"

export const recordListingPlansStepId = "record-aliexpress-listing-plans"

/**
 * Stores what needs no call: problems of invalid products (never sent), products gone from
 * the channel before they were listed, rows of deleted products, and the stamps of listings
 * found unchanged. Compensation restores the rows it changed (a stamp stays true whatever
 * happens to the rest of the page: it only says what the mapping made of that product).
 */
export const recordListingPlansStep = createStep(
  recordListingPlansStepId,
  async (input: { plans: PlannedListing[] }, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const stamps = input.plans.filter((p) => p.stamp_write && p.source_stamp)
    if (stamps.length) {
      await service.saveListings(stamps.map((p) => ({ id: p.listing_id, ...stampFields(p) })))
    }
    const touched = input.plans.filter((p) => p.action === "invalid" || p.action === "remove" || p.status)
    if (!touched.length) {
      return new StepResponse(undefined, [])
    }
    const previous = await service.listAliExpressListings({ id: touched.map((p) => p.listing_id) }, { take: touched.length })
    const now = new Date()
    const removed = touched.filter((p) => p.action === "remove").map((p) => p.listing_id)
    if (removed.length) {
      await service.softDeleteAliExpressListings(removed)
    }
    await service.saveListings(
      touched
        .filter((p) => p.action !== "remove")
        .map((plan) => ({
          id: plan.listing_id,
          status: plan.status,
          product_title: plan.title,
          search_text: searchText(plan.title, plan.sku_codes, plan.problems),
          sku_codes: plan.sku_codes,
          problems: plan.problems,
          problem_count: plan.problems.length,
          last_synced_at: now,
        }))
    )
    return new StepResponse(undefined, previous)
  },
  async (previous, { container }) => {
    if (!previous?.length) {
      return
    }
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    await service.restoreAliExpressListings(previous.map((p) => p.id)).catch(() => undefined)
    await service.saveListings(previous.map(({ created_at, updated_at, deleted_at, ...data }: any) => data))
  }
)
