import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { finishImportRunStep, type FinishImportRunInput } from "../steps/finish-import-run"
import { countActivityStep } from "../../activity/steps/count-activity"

export const finishOrderImportWorkflowId = "finish-aliexpress-order-import"

/**
 * Records an import run and moves the watermark when every order of its window was handled;
 * the orders it imported go to today's activity counters.
 */
export const finishOrderImportWorkflow = createWorkflow(finishOrderImportWorkflowId, (input: FinishImportRunInput) => {
  const finished = finishImportRunStep(input)
  countActivityStep(
    transform({ input }, ({ input }) => ({ account_id: input.account_id as string, counts: { orders_imported: input.counts?.imported ?? 0 } }))
  )
  return new WorkflowResponse(finished)
})
