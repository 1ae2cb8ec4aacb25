import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { planShipmentPushStep } from "../steps/plan-shipment-push"
import { upsertShipmentOutboxStep } from "../steps/upsert-shipment-outbox"
import { sendShipmentStep } from "../steps/send-shipment"

export const pushAliExpressShipmentWorkflowId = "push-aliexpress-shipment"

/**
 * A Medusa fulfillment with a tracking number on an AliExpress order: record
 * it in the outbox (once per fulfillment) and push it. Other orders pass through.
 */
export const pushAliExpressShipmentWorkflow = createWorkflow(
  pushAliExpressShipmentWorkflowId,
  (input: { fulfillment_id: string }) => {
    const plan = planShipmentPushStep(input)
    const shipment = when("push-aliexpress-shipment-when-planned", { plan }, ({ plan }) => !!plan).then(() => {
      const shipmentId = upsertShipmentOutboxStep(transform({ plan }, ({ plan }) => plan!))
      return sendShipmentStep(transform({ shipmentId }, ({ shipmentId }) => ({ shipment_id: shipmentId })))
    })
    return new WorkflowResponse(transform({ shipment }, ({ shipment }) => shipment ?? null))
  }
)
