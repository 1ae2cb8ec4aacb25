import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { resolveImportContextStep } from "../steps/resolve-import-context"

export const resolveOrderImportContextWorkflowId = "resolve-aliexpress-order-import-context"

/** Where orders of a currency go; an import run reads it once per currency, not once per order. */
export const resolveOrderImportContextWorkflow = createWorkflow(
  resolveOrderImportContextWorkflowId,
  (input: { account_id: string; currency_code: string }) => new WorkflowResponse(resolveImportContextStep(input))
)
