import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { requestListingSyncStep, type RequestListingSyncInput } from "../steps/request-listing-sync"

export const requestListingSyncWorkflowId = "request-aliexpress-listing-sync"

/** Queues products for the next listing sync run (events, "sync now", the reconcile). */
export const requestListingSyncWorkflow = createWorkflow(requestListingSyncWorkflowId, (input: RequestListingSyncInput) => {
  return new WorkflowResponse(requestListingSyncStep(input))
})
