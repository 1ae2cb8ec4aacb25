import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { repriceByBaseStamp, type RepriceableRow, type Repricing } from "../../../lib/listings/reprice"
import type { UpdateCandidate } from "../../../lib/listings/updates"
import { QUIET_STATUSES } from "../../../lib/listings/source-stamp"
import { checkStamps, PLAN_FIELDS } from "../helpers/stamp-check"

export const settleUnchangedListingsStepId = "settle-unchanged-aliexpress-listings"

/** Columns a listing that may need no mapping has: listed and stamped. */
const SETTLEABLE_COLUMNS = ["product_id", "ae_product_id", "source_stamp"] as const

/**
 * The listings that may need no mapping: listed, stamped, in a status an unchanged product
 * leaves as it is (see unchangedByStamp). One under review has had its verdict asked for just
 * before (see the workflow), as a page would.
 */
export const SETTLEABLE_LISTINGS = {
  ...Object.fromEntries(SETTLEABLE_COLUMNS.map((column) => [column, { $ne: null }])),
  status: QUIET_STATUSES as any,
}

/** A row read whole matches SETTLEABLE_LISTINGS. */
const isSettleable = (row: Record<string, any>): boolean =>
  SETTLEABLE_COLUMNS.every((column) => row[column] != null) && QUIET_STATUSES.includes(row.status)

/**
 * Takes off the queue the given listings that need no mapping: those whose stamps show that
 * nothing changed (a page would plan them as "nothing"), and those whose product is unchanged
 * while the price or quantity rules moved (repriced from their stored inputs; the price and
 * stock updates that gives are handed back to the run, as a page on the feed path does).
 * Only rows queued before their fingerprints were read are taken off, so a change made
 * meanwhile keeps its listing queued. Every other listing stays queued for the pages.
 */
export const settleUnchangedListingsStep = createStep(
  settleUnchangedListingsStepId,
  async (input: { account_id: string; listing_ids: string[] }, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const connected = await service.requireConnectedAccount(input.account_id)
    const read = await service.readListings(input.listing_ids, [...PLAN_FIELDS, "rule_inputs", "product_title", "sku_codes"])
    const rows = read.filter(isSettleable) as unknown as RepriceableRow[]
    const before = new Date()
    const { prints, inChannel, setup, context, baseContext, unchanged } = await checkStamps(container, service, connected, rows)
    const contexts = context && baseContext ? { full: context, base: baseContext } : null
    const repriced = new Map<string, Repricing>()
    for (const row of rows) {
      if (unchanged.has(row.id)) continue
      const repricing = repriceByBaseStamp(row, prints.get(row.product_id!), contexts, inChannel.has(row.product_id!), setup)
      if (repricing) repriced.set(row.id, repricing)
    }
    const settled = await service.settleQueuedListings([...unchanged, ...repriced.keys()], before)
    const candidates: UpdateCandidate[] = []
    const stamps: { id: string; source_stamp: string }[] = []
    for (const id of settled) {
      const repricing = repriced.get(id)
      if (repricing?.candidate) candidates.push(repricing.candidate)
      else if (repricing) stamps.push({ id, source_stamp: repricing.source_stamp })
    }
    await service.saveListings(stamps)
    const unchangedCount = settled.filter((id) => unchanged.has(id)).length
    return new StepResponse({ unchanged: unchangedCount, repriced: settled.length - unchangedCount, candidates })
  }
)
