import { saveListing } from "../../../lib/listings/listing-store"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { requireConnectedAccount } from "../../../lib/listings/sync-account"
import { listingStatusFromAe } from "../../../lib/listings/status"
import { listingSyncConfig } from "../../../lib/listings/config"
import { describeError } from "../../../lib/listings/problems"
import { runPool } from "../../../lib/listings/pool"
import { paced } from "../../../lib/listings/pacer"

export const refreshAuditStatusStepId = "refresh-aliexpress-audit-status"

/** Above this many listings to check, one paged list of the products under review is cheaper. */
const LIST_ABOVE = 10

/**
 * Reads back AliExpress' verdict on products under review: live, or rejected with the
 * reason. A listing is asked about at most once per `auditRecheckMs` (its `last_synced_at`
 * is the mark), whatever number of events queue it; a "sync now" (`force`) asks at once.
 * Many listings are checked with one paged list of the products still under review, and only
 * those that left it are read one by one. A read, so nothing to compensate.
 */
export const refreshAuditStatusStep = createStep(
  refreshAuditStatusStepId,
  async (input: { listing_ids: string[]; force?: boolean }, { container }) => {
    const __t = Date.now(); const __log = (w: string) => container.resolve("logger").info(`PERF refresh ${w} ${Date.now() - __t} ms at ${Date.now() % 100000}`)
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    if (!input.listing_ids.length) {
      __log("end"); return new StepResponse({ checked: 0 })
    }
    const auditing = await service.listAliExpressListings(
      { id: input.listing_ids, status: "auditing", ae_product_id: { $ne: null } },
      { select: ["id", "ae_product_id", "last_synced_at"], take: input.listing_ids.length }
    )
    const now = Date.now()
    const { auditRecheckMs, concurrency } = listingSyncConfig()
    const due = input.force
      ? auditing
      : auditing.filter((r) => !r.last_synced_at || now - new Date(r.last_synced_at).getTime() >= auditRecheckMs)
    if (!due.length) {
      __log("end"); return new StepResponse({ checked: 0 })
    }
    const { client } = await requireConnectedAccount(container)
    const logger = container.resolve("logger")
    let toRead = due
    if (due.length > LIST_ABOVE) {
      try {
        const underReview = new Set<string>()
        for await (const item of client.iterateProducts({ status: "auditing", pageSize: 50 })) {
          underReview.add(item.productId)
        }
        toRead = due.filter((r) => !underReview.has(r.ae_product_id!))
      } catch (error) {
        logger.warn(`AliExpress: could not list the products under review: ${describeError(error)}`)
        __log("end"); return new StepResponse({ checked: 0 })
      }
    }
    const stillUnderReview = new Set(due.filter((r) => !toRead.includes(r)).map((r) => r.id))
    await runPool(toRead, concurrency, async (row) => {
      try {
        const detail = await paced("get", () => client.getProduct(row.ae_product_id!))
        const status = listingStatusFromAe(detail.status)
        if (status === "auditing") {
          stillUnderReview.add(row.id)
          return
        }
        const reason = status === "rejected" ? detail.auditFailureReason ?? "Rejected by AliExpress review (no reason given)" : null
        await saveListing(service, {
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
    if (stillUnderReview.size) {
      // The mark that spaces the next question about these listings.
      await service.updateAliExpressListings({ selector: { id: [...stillUnderReview] }, data: { last_synced_at: new Date() } })
    }
    __log("end"); return new StepResponse({ checked: due.length })
  }
)
