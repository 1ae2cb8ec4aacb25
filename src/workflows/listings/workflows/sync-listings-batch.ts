import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { claimListingBatchStep } from "../steps/claim-listing-batch"
import { refreshAuditStatusStep } from "../steps/refresh-audit-status"
import { planListingSyncStep } from "../steps/plan-listing-sync"
import { recordListingPlansStep } from "../steps/record-listing-plans"
import { publishListingsStep } from "../steps/publish-listings"
import { changeListingVisibilityStep } from "../steps/change-listing-visibility"
import { updateListingPricesStockStep } from "../steps/update-listing-prices-stock"
import { countActivityStep } from "../../activity/steps/count-activity"
import { listingSyncActivity } from "../../../lib/activity/daily-activity"

export const syncListingsBatchWorkflowId = "sync-aliexpress-listings-batch"

export type SyncListingsBatchInput = {
  account_id: string
  listing_ids: string[]
  ignore_backoff?: boolean
  /** the run sends price and stock changes as feed jobs: hand them back instead of sending them */
  defer_updates?: boolean
}

/**
 * One page of the listing queue: read AliExpress' verdicts, plan from the current product data,
 * store what needs no call, then posts and edits (each with its pictures), offline/online, and
 * batch price and stock updates (or, on the feed path, the changes handed back to the run). The sync run keeps two pages in flight, so the next page is
 * loaded and planned while this one's calls go out.
 */
export const syncListingsBatchWorkflow = createWorkflow(syncListingsBatchWorkflowId, (input: SyncListingsBatchInput) => {
  const claimed = claimListingBatchStep({ listing_ids: input.listing_ids })
  refreshAuditStatusStep(transform({ claimed, input }, ({ claimed, input }) => ({ account_id: input.account_id, listing_ids: claimed, force: input.ignore_backoff })))
  const plans = planListingSyncStep(
    transform({ claimed, input }, ({ claimed, input }) => ({ account_id: input.account_id, listing_ids: claimed, ignore_backoff: input.ignore_backoff }))
  )
  recordListingPlansStep({ plans })
  const published = publishListingsStep({ account_id: input.account_id, plans })
  const failed = transform({ published }, ({ published }) => published.failed)
  changeListingVisibilityStep({ account_id: input.account_id, plans, failed })
  const updates = updateListingPricesStockStep(
    transform({ plans, failed, input }, ({ plans, failed, input }) => ({ account_id: input.account_id, plans, failed, defer: input.defer_updates }))
  )
  countActivityStep(transform({ plans, failed, input }, ({ plans, failed, input }) => ({ account_id: input.account_id, counts: listingSyncActivity(plans, failed) })))
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
      deferred_updates: updates.deferred,
    }
  })
  return new WorkflowResponse(summary)
})
