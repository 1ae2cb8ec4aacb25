import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { settleUnchangedListingsStep } from "../steps/settle-unchanged-listings"

export const settleUnchangedListingsWorkflowId = "settle-unchanged-aliexpress-listings"

/** Takes the unchanged among the given queued listings off the queue (see the step). */
export const settleUnchangedListingsWorkflow = createWorkflow(
  settleUnchangedListingsWorkflowId,
  (input: { account_id: string; listing_ids: string[] }) => new WorkflowResponse(settleUnchangedListingsStep(input))
)
