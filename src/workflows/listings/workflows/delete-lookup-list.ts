import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteLookupListStep } from "../steps/delete-lookup-list"

export const deleteLookupListWorkflowId = "delete-aliexpress-lookup-list"

/** Deletes a lookup list; the route queues every listing, since templates may read it. */
export const deleteLookupListWorkflow = createWorkflow(deleteLookupListWorkflowId, (input: { id: string }) => {
  const result = deleteLookupListStep(input)
  return new WorkflowResponse(result)
})
