import { saveListing } from "../../../lib/listings/listing-store"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { requireConnectedAccount } from "../../../lib/listings/sync-account"
import { listingStatusFromAe } from "../../../lib/listings/status"
import { listingSyncConfig } from "../../../lib/listings/config"
import { describeError } from "../../../lib/listings/problems"
import { runPool } from "../../../lib/listings/pool"

export const refreshAuditStatusStepId = "refresh-aliexpress-audit-status"

/**
 * Reads back AliExpress' verdict on products under review: live, or rejected with the
 * reason. A read, so nothing to compensate.
 */
export const refreshAuditStatusStep = createStep(
  refreshAuditStatusStepId,
  async (input: { listing_ids: string[] }, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const auditing = await service.listAliExpressListings(
      { id: input.listing_ids, status: "auditing", ae_product_id: { $ne: null } },
      { select: ["id", "ae_product_id"], take: input.listing_ids.length }
    )
    if (!auditing.length) {
      return new StepResponse({ checked: 0 })
    }
    const { client } = await requireConnectedAccount(container)
    const logger = container.resolve("logger")
    await runPool(auditing, listingSyncConfig().concurrency, async (row) => {
      try {
        const detail = await client.getProduct(row.ae_product_id!)
        const status = listingStatusFromAe(detail.status)
        if (status === "auditing") {
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
        })
      } catch (error) {
        logger.warn(`AliExpress: could not read the review status of product ${row.ae_product_id}: ${describeError(error)}`)
      }
    })
    return new StepResponse({ checked: auditing.length })
  }
)
