import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { listDueShipmentsStep } from "../steps/list-due-shipments"

export const listDueAliExpressShipmentsWorkflowId = "list-due-aliexpress-shipments"

/** The pending shipments whose backoff has passed, oldest first. */
export const listDueAliExpressShipmentsWorkflow = createWorkflow(
  listDueAliExpressShipmentsWorkflowId,
  (input: { account_id: string; limit?: number }) => new WorkflowResponse(listDueShipmentsStep(input))
)
