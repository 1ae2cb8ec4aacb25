import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { upsertTemplateStep, type UpsertTemplateInput } from "../steps/upsert-template"

export const saveTemplateWorkflowId = "save-aliexpress-template"

/** Saves a mapping template; the route queues the listings of the accounts using it. */
export const saveTemplateWorkflow = createWorkflow(saveTemplateWorkflowId, (input: UpsertTemplateInput) => {
  const template = upsertTemplateStep(input)
  return new WorkflowResponse(template)
})
