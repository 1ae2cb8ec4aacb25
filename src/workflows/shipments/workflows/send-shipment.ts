import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendShipmentStep } from "../steps/send-shipment"

export const sendAliExpressShipmentWorkflowId = "send-aliexpress-shipment"

/** Sends one pending shipment of the outbox (the retry sweep runs it once per due shipment). */
export const sendAliExpressShipmentWorkflow = createWorkflow(
  sendAliExpressShipmentWorkflowId,
  (input: { shipment_id: string }) => new WorkflowResponse(sendShipmentStep(input))
)
