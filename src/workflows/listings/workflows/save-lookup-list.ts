import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { upsertLookupListStep, type UpsertLookupListInput } from "../steps/upsert-lookup-list"

export const saveLookupListWorkflowId = "save-aliexpress-lookup-list"

/** Saves a lookup list; the route queues every listing, since templates may read it. */
export const saveLookupListWorkflow = createWorkflow(saveLookupListWorkflowId, (input: UpsertLookupListInput) => {
  const list = upsertLookupListStep(input)
  return new WorkflowResponse(list)
})
