import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { listingStatusFromAe } from "../../../lib/listings/status"
import { listingSyncSettings } from "../../../modules/aliexpress/options"
import { describeError } from "../../../lib/listings/problems"
import { runPool } from "../../../lib/listings/pool"
import { reviewRecheckDue } from "../../../lib/listings/review-schedule"
import { sharedProductStatuses, statusOf } from "../../../lib/listings/product-status-snapshot"

export const refreshAuditStatusStepId = "refresh-aliexpress-audit-status"

/** Above this many listings to check, paged lists of the products by status may be cheaper. */
const LIST_ABOVE = 10

function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    groups.set(key(item), [...(groups.get(key(item)) ?? []), item])
  }
  return [...groups.values()]
}

/**
 * Reads back AliExpress' verdict on products under review: live, or rejected with the
 * reason. A fresh submission is asked about every 20 s, then less often, older ones at most
 * once per `auditRecheckMs` (its `last_synced_at` is the mark; see review-schedule.ts), whatever number of events queue it; a "sync now" (`force`) asks at once.
 * Many listings are checked with the seller's product lists by status, and only rejected ones
 * (for their reason) are read one by one. Only reads and status updates, so nothing to compensate.
 */
export const refreshAuditStatusStep = createStep(
  refreshAuditStatusStepId,
  async (input: { account_id: string; listing_ids: string[]; force?: boolean }, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    if (!input.listing_ids.length) {
      return new StepResponse({ checked: 0 })
    }
    const auditing = await service.listAliExpressListings(
      { id: input.listing_ids, status: "auditing", ae_product_id: { $ne: null } },
      { select: ["id", "ae_product_id", "last_synced_at", "submitted_at"], take: input.listing_ids.length }
    )
    const now = Date.now()
    const { auditRecheckMs, concurrency } = listingSyncSettings()
    const since = (at: Date | string | null) => (at ? now - new Date(at).getTime() : null)
    const due = input.force
      ? auditing
      : auditing.filter((r) => reviewRecheckDue(since(r.submitted_at), since(r.last_synced_at), auditRecheckMs))
    if (!due.length) {
      return new StepResponse({ checked: 0 })
    }
    const { account, client } = await service.requireConnectedAccount(input.account_id)
    const logger = container.resolve("logger")
    let toRead = due
    const known = new Map<string, string>()
    if (due.length > LIST_ABOVE) {
      try {
        // A sync run asks about its queued listings page by page: one listing of the seller's
        // statuses, shared by the pages, pays for the whole run's questions, not just this page's.
        const runQuestions = async () => {
          const [, queuedUnderReview] = await service.listAndCountAliExpressListings(
            { account_id: account.id, status: "auditing", ae_product_id: { $ne: null }, sync_requested_at: { $ne: null } },
            { take: 1, select: ["id"] }
          )
          return due.length + queuedUnderReview
        }
        const snapshot = await sharedProductStatuses(client, service.caches.productStatuses, account.id, runQuestions, LIST_ABOVE)
        if (snapshot) {
          for (const row of due) {
            const status = statusOf(snapshot, row.ae_product_id!, row.submitted_at)
            if (status) known.set(row.ae_product_id!, status)
          }
          toRead = due.filter((r) => {
            const s = known.get(r.ae_product_id!)
            // A rejection's reason is only in the product itself.
            return s === undefined || s === "editingRequired"
          })
        }
      } catch (error) {
        known.clear()
        logger.warn(`AliExpress: could not list product statuses, reading them one by one: ${describeError(error)}`)
      }
    }
    const stillUnderReview = new Set<string>()
    const settled: { id: string; status: string; ae_status: string }[] = []
    for (const row of due) {
      const s = known.get(row.ae_product_id!)
      if (s === "auditing") stillUnderReview.add(row.id)
      else if (s && s !== "editingRequired") settled.push({ id: row.id, status: listingStatusFromAe(s), ae_status: s })
    }
    for (const group of groupBy(settled, (r) => r.ae_status)) {
      await service.updateAliExpressListings({
        selector: { id: group.map((r) => r.id) },
        data: { status: group[0].status as any, ae_status: group[0].ae_status, audit_reason: null, problems: [] as any, problem_count: 0, last_synced_at: new Date() },
      })
    }
    const verdicts: Array<{ id: string } & Record<string, unknown>> = []
    await runPool(toRead, concurrency, async (row) => {
      try {
        const detail = await client.getProduct(row.ae_product_id!)
        const status = listingStatusFromAe(detail.status)
        if (status === "auditing") {
          stillUnderReview.add(row.id)
          return
        }
        const reason = status === "rejected" ? detail.auditFailureReason ?? "Rejected by AliExpress review (no reason given)" : null
        verdicts.push({
          id: row.id,
          status,
          ae_status: detail.status,
          audit_reason: reason,
          problems: reason
            ? [{ field: "product", message: `AliExpress review rejected it: ${reason}`, hint: "Change the product so it meets AliExpress' rules, then save it to send it again", origin: "marketplace" }]
            : [],
          problem_count: reason ? 1 : 0,
          last_synced_at: new Date(),
        })
      } catch (error) {
        logger.warn(`AliExpress: could not read the review status of product ${row.ae_product_id}: ${describeError(error)}`)
      }
    })
    await service.saveListings(verdicts)
    if (stillUnderReview.size) {
      // The mark that spaces the next question about these listings.
      await service.updateAliExpressListings({ selector: { id: [...stillUnderReview] }, data: { last_synced_at: new Date() } })
    }
    return new StepResponse({ checked: due.length })
  }
)
