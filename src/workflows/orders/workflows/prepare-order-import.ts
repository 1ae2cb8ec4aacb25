import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { prepareImportRunStep, type ImportTrigger } from "../steps/prepare-import-run"
import { listChangedOrdersStep } from "../steps/list-changed-orders"

export const prepareOrderImportWorkflowId = "prepare-aliexpress-order-import"

export type PrepareOrderImportInput = {
  /** the account whose orders are read */
  account_id: string
  trigger: ImportTrigger
  /** A push or the merchant names these orders: they are read directly, the watermark stays. */
  ae_order_ids?: string[]
}

/** Whether an import run happens (connected, interval passed), and the orders AliExpress changed in its window. */
export const prepareOrderImportWorkflow = createWorkflow(prepareOrderImportWorkflowId, (input: PrepareOrderImportInput) => {
  const plan = prepareImportRunStep(input)
  const summaries = listChangedOrdersStep(transform({ plan, input }, ({ plan, input }) => ({ account_id: input.account_id, window: plan.skip ? null : plan.window })))
  return new WorkflowResponse({ plan, summaries })
})
