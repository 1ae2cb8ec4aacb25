import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteTemplateStep } from "../steps/delete-template"

export const deleteTemplateWorkflowId = "delete-aliexpress-template"

/** Deletes a mapping template; the route queues the listings of the accounts it shaped. */
export const deleteTemplateWorkflow = createWorkflow(deleteTemplateWorkflowId, (input: { id: string }) => {
  const result = deleteTemplateStep(input)
  return new WorkflowResponse(result)
})
