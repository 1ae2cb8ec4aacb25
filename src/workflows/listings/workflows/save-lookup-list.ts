import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { upsertLookupListStep, type UpsertLookupListInput } from "../steps/upsert-lookup-list"
import { requestListingSyncStep } from "../steps/request-listing-sync"

export const saveLookupListWorkflowId = "save-aliexpress-lookup-list"

/** Saves a lookup list and queues every listing, since templates may read it. */
export const saveLookupListWorkflow = createWorkflow(saveLookupListWorkflowId, (input: UpsertLookupListInput) => {
  const list = upsertLookupListStep(input)
  requestListingSyncStep({ all: true })
  return new WorkflowResponse(list)
})
