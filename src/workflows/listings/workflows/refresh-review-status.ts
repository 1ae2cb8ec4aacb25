import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refreshAuditStatusStep } from "../steps/refresh-audit-status"

export const refreshReviewStatusWorkflowId = "refresh-aliexpress-review-status"

/**
 * Reads back AliExpress' verdict on listings under review that are due for a question (the
 * review watch's short schedule), without a sync run around it.
 */
export const refreshReviewStatusWorkflow = createWorkflow(refreshReviewStatusWorkflowId, (input: { account_id: string; listing_ids: string[] }) => {
  return new WorkflowResponse(refreshAuditStatusStep(input))
})
