import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteTemplateStep } from "../steps/delete-template"
import { requestListingSyncStep } from "../steps/request-listing-sync"

export const deleteTemplateWorkflowId = "delete-aliexpress-template"

/** Deletes a mapping template and queues every listing (another template, or the built-in one, applies). */
export const deleteTemplateWorkflow = createWorkflow(deleteTemplateWorkflowId, (input: { id: string }) => {
  const result = deleteTemplateStep(input)
  requestListingSyncStep({ all: true })
  return new WorkflowResponse(result)
})
