import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { prepareShipmentRetryStep, type ShipmentRetryInput } from "../steps/prepare-shipment-retry"
import { sendShipmentStep } from "../steps/send-shipment"

export const retryAliExpressShipmentWorkflowId = "retry-aliexpress-shipment"

/** The merchant's retry: optionally corrected, sent at once. */
export const retryAliExpressShipmentWorkflow = createWorkflow(
  retryAliExpressShipmentWorkflowId,
  (input: ShipmentRetryInput) => {
    const id = prepareShipmentRetryStep(input)
    const shipment = sendShipmentStep(transform({ id }, ({ id }) => ({ shipment_id: id })))
    return new WorkflowResponse(shipment)
  }
)
