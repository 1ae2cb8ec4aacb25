import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { requestListingSyncStep, type RequestListingSyncInput as QueueInput } from "../steps/request-listing-sync"
import { resolveEventProductsStep, type EventRecordIds } from "../steps/resolve-event-products"

export const requestListingSyncWorkflowId = "request-aliexpress-listing-sync"

export type RequestListingSyncInput = QueueInput & Omit<EventRecordIds, "product_ids">

/**
 * Queues products for the next listing sync run: named directly ("sync now"), through the
 * records store events named (variants, stock levels, reservations), or all of the channel
 * (the reconcile).
 */
export const requestListingSyncWorkflow = createWorkflow(requestListingSyncWorkflowId, (input: RequestListingSyncInput) => {
  const productIds = resolveEventProductsStep(input)
  const queued = requestListingSyncStep(
    transform({ input, productIds }, ({ input, productIds }) => ({
      account_id: input.account_id,
      product_ids: productIds,
      all: input.all,
      retry_now: input.retry_now,
      retry_due: input.retry_due,
      resend_stock: input.resend_stock,
    }))
  )
  return new WorkflowResponse(queued)
})
