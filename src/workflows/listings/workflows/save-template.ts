import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { upsertTemplateStep, type UpsertTemplateInput } from "../steps/upsert-template"
import { requestListingSyncStep } from "../steps/request-listing-sync"

export const saveTemplateWorkflowId = "save-aliexpress-template"

/** Saves a mapping template and queues every listing: the template shapes all of them. */
export const saveTemplateWorkflow = createWorkflow(saveTemplateWorkflowId, (input: UpsertTemplateInput) => {
  const template = upsertTemplateStep(input)
  requestListingSyncStep({ all: true })
  return new WorkflowResponse(template)
})
