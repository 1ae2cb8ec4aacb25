import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { listDueShipmentsStep } from "../steps/list-due-shipments"
import { sendShipmentsStep } from "../steps/send-shipments"

export const pushDueAliExpressShipmentsWorkflowId = "push-due-aliexpress-shipments"

/** The retry sweep: every pending shipment whose backoff has passed. */
export const pushDueAliExpressShipmentsWorkflow = createWorkflow(
  pushDueAliExpressShipmentsWorkflowId,
  (input: { limit?: number }) => {
    const ids = listDueShipmentsStep(input)
    const counts = sendShipmentsStep(transform({ ids }, ({ ids }) => ({ ids })))
    return new WorkflowResponse(counts)
  }
)
