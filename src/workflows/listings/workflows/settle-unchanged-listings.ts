import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refreshAuditStatusStep } from "../steps/refresh-audit-status"
import { settleUnchangedListingsStep } from "../steps/settle-unchanged-listings"

export const settleUnchangedListingsWorkflowId = "settle-unchanged-aliexpress-listings"

export type SettleUnchangedListingsInput = {
  account_id: string
  listing_ids: string[]
  /** a "sync now": ask at once for the verdicts of listings under review */
  force?: boolean
}

/**
 * Reads AliExpress' verdicts on the given queued listings under review, as a page does, then
 * takes those that need no mapping off the queue (see the step).
 */
export const settleUnchangedListingsWorkflow = createWorkflow(settleUnchangedListingsWorkflowId, (input: SettleUnchangedListingsInput) => {
  refreshAuditStatusStep(input)
  return new WorkflowResponse(settleUnchangedListingsStep(input))
})
