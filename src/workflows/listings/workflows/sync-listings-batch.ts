import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { claimListingBatchStep } from "../steps/claim-listing-batch"
import { refreshAuditStatusStep } from "../steps/refresh-audit-status"
import { planListingSyncStep } from "../steps/plan-listing-sync"
import { recordListingPlansStep } from "../steps/record-listing-plans"
import { uploadListingImagesStep } from "../steps/upload-listing-images"
import { publishListingsStep } from "../steps/publish-listings"
import { changeListingVisibilityStep } from "../steps/change-listing-visibility"
import { updateListingPricesStockStep } from "../steps/update-listing-prices-stock"

export const syncListingsBatchWorkflowId = "sync-aliexpress-listings-batch"

export type SyncListingsBatchInput = { listing_ids: string[]; ignore_backoff?: boolean }

/**
 * One batch of listings: read AliExpress' verdicts, plan from the current product data, store
 * what needs no call, then images, posts and edits, offline/online, and batch price and stock
 * updates.
 */
export const syncListingsBatchWorkflow = createWorkflow(syncListingsBatchWorkflowId, (input: SyncListingsBatchInput) => {
  const claimed = claimListingBatchStep({ listing_ids: input.listing_ids })
  const ids = transform({ claimed }, ({ claimed }) => ({ listing_ids: claimed }))
  refreshAuditStatusStep(ids)
  const plans = planListingSyncStep(
    transform({ claimed, input }, ({ claimed, input }) => ({ listing_ids: claimed, ignore_backoff: input.ignore_backoff }))
  )
  recordListingPlansStep({ plans })
  const images = uploadListingImagesStep({ plans })
  const published = publishListingsStep({ plans, images })
  const failed = transform({ published }, ({ published }) => published.failed)
  changeListingVisibilityStep({ plans, failed })
  const updates = updateListingPricesStockStep({ plans, failed })
  const summary = transform({ plans, updates }, ({ plans, updates }) => {
    const count = (a: string) => plans.filter((p) => p.action === a).length
    return {
      processed: plans.length,
      posted: count("post"),
      edited: count("edit"),
      invalid: count("invalid"),
      offline: count("offline"),
      price_calls: updates.price,
      stock_calls: updates.stock,
    }
  })
  return new WorkflowResponse(summary)
})
