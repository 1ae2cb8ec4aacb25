import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelOrderWorkflow, updateOrdersStep } from "@medusajs/core-flows"
import { planStatusSyncStep, type StatusSyncInput } from "../steps/plan-status-sync"
import { updateOrderBindingStep } from "../steps/update-order-binding"

export const syncAliExpressOrderStatusWorkflowId = "sync-aliexpress-order-status"

/**
 * Mirrors an AliExpress status change: binding and order metadata always,
 * and a cancellation through cancelOrderWorkflow, which releases the stock.
 */
export const syncAliExpressOrderStatusWorkflow = createWorkflow(
  syncAliExpressOrderStatusWorkflowId,
  (input: StatusSyncInput) => {
    const plan = planStatusSyncStep(input)
    when("update-aliexpress-order-metadata", { plan }, ({ plan }) => !!plan.order_id && !!plan.order_metadata).then(() => {
      updateOrdersStep(
        transform({ plan }, ({ plan }) => ({
          selector: { id: plan.order_id as string },
          update: { metadata: plan.order_metadata as Record<string, unknown> },
        }))
      )
    })
    when("cancel-order-canceled-on-aliexpress", { plan }, ({ plan }) => plan.cancel_order).then(() => {
      cancelOrderWorkflow.runAsStep({
        input: transform({ plan }, ({ plan }) => ({ order_id: plan.order_id as string, no_notification: true })),
      })
    })
    const binding = updateOrderBindingStep(transform({ plan }, ({ plan }) => plan.binding_update))
    return new WorkflowResponse(binding)
  }
)
