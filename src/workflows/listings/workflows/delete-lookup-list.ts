import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteLookupListStep } from "../steps/delete-lookup-list"
import { requestListingSyncStep } from "../steps/request-listing-sync"

export const deleteLookupListWorkflowId = "delete-aliexpress-lookup-list"

/** Deletes a lookup list and queues every listing. */
export const deleteLookupListWorkflow = createWorkflow(deleteLookupListWorkflowId, (input: { id: string }) => {
  const result = deleteLookupListStep(input)
  requestListingSyncStep({ all: true })
  return new WorkflowResponse(result)
})
