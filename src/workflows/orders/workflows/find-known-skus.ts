import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findKnownSkusStep } from "../steps/find-known-skus"

export const findKnownSkusWorkflowId = "find-known-aliexpress-skus"

/** Which SKU codes held orders wait for now exist in the store. */
export const findKnownSkusWorkflow = createWorkflow(findKnownSkusWorkflowId, (input: { skus: string[] }) =>
  new WorkflowResponse(findKnownSkusStep(input))
)
