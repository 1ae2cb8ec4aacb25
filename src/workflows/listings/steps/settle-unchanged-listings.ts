import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import type { StampedRow } from "../../../lib/listings/source-stamp"
import { checkStamps, PLAN_FIELDS } from "../helpers/stamp-check"

export const settleUnchangedListingsStepId = "settle-unchanged-aliexpress-listings"

/**
 * The statuses a listing found unchanged can be left in without a page: one under review
 * goes through a page, which asks AliExpress for its verdict.
 */
export const SETTLEABLE_STATUSES = ["live", "rejected", "unknown"]

/**
 * Takes off the queue the given listings whose stamps show nothing changed: a page would plan
 * them as "nothing" and write nothing but the claim, so this does the same for many at once.
 * Only rows queued before their fingerprints were read are taken off, so a change made
 * meanwhile keeps its listing queued. Every other listing stays queued for the pages.
 */
export const settleUnchangedListingsStep = createStep(
  settleUnchangedListingsStepId,
  async (input: { account_id: string; listing_ids: string[] }, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const connected = await service.requireConnectedAccount(input.account_id)
    const rows = (await service.listAliExpressListings(
      {
        id: input.listing_ids,
        product_id: { $ne: null },
        ae_product_id: { $ne: null },
        source_stamp: { $ne: null },
        status: SETTLEABLE_STATUSES as any,
      },
      { select: PLAN_FIELDS, take: input.listing_ids.length }
    )) as unknown as StampedRow[]
    const before = new Date()
    const { unchanged } = await checkStamps(container, service, connected, rows)
    const settled = await service.settleQueuedListings([...unchanged], before)
    return new StepResponse({ settled })
  }
)
