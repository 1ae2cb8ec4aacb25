import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { bindListingStep } from "../steps/bind-listing"

export const bindListingWorkflowId = "bind-aliexpress-listing"

/** Binds an unmatched AliExpress product to a Medusa product by hand. */
export const bindListingWorkflow = createWorkflow(bindListingWorkflowId, (input: { account_id?: string | null; ae_product_id: string; product_id: string }) => {
  return new WorkflowResponse(bindListingStep(input))
})
