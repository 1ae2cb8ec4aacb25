import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createOrderFulfillmentWorkflow, createOrderShipmentWorkflow } from "@medusajs/core-flows"
import { planTrackedShipmentStep } from "../steps/plan-tracked-shipment"

export const shipAliExpressOrderWithTrackingWorkflowId = "ship-aliexpress-order-with-tracking"

export type ShipWithTrackingInput = { account_id: string; ae_order_id: string; service_name: string; tracking_number: string }

/**
 * One uploaded tracking line: fulfil what is left of the order and mark it
 * shipped with the tracking number, through Medusa's own workflows; the
 * `shipment.created` that follows pushes it to AliExpress with the carrier given.
 */
export const shipAliExpressOrderWithTrackingWorkflow = createWorkflow(
  shipAliExpressOrderWithTrackingWorkflowId,
  (input: ShipWithTrackingInput) => {
    const plan = planTrackedShipmentStep(input)
    const fulfillment = createOrderFulfillmentWorkflow.runAsStep({
      input: transform({ plan, input }, ({ plan, input }) => ({
        order_id: plan.order_id,
        items: plan.items,
        no_notification: true,
        metadata: { aliexpress_service_name: input.service_name },
      })),
    })
    createOrderShipmentWorkflow.runAsStep({
      input: transform({ plan, input, fulfillment }, ({ plan, input, fulfillment }) => ({
        order_id: plan.order_id,
        fulfillment_id: fulfillment.id,
        items: plan.items,
        no_notification: true,
        labels: [{ tracking_number: input.tracking_number, tracking_url: "#", label_url: "#" }],
      })),
    })
    return new WorkflowResponse(
      transform({ plan, fulfillment }, ({ plan, fulfillment }) => ({ order_id: plan.order_id, fulfillment_id: fulfillment.id }))
    )
  }
)
