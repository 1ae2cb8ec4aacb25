import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { finishImportRunStep, type FinishImportRunInput } from "../steps/finish-import-run"

export const finishOrderImportWorkflowId = "finish-aliexpress-order-import"

/** Records an import run and moves the watermark when every order of its window was handled. */
export const finishOrderImportWorkflow = createWorkflow(
  finishOrderImportWorkflowId,
  (input: FinishImportRunInput) => new WorkflowResponse(finishImportRunStep(input))
)
