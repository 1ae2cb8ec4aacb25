import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { prepareImportRunStep, type ImportTrigger } from "../steps/prepare-import-run"
import { listChangedOrdersStep } from "../steps/list-changed-orders"
import { processOrderChangesStep } from "../steps/process-order-changes"
import { finishImportRunStep } from "../steps/finish-import-run"

export const importAliExpressOrdersWorkflowId = "import-aliexpress-orders"

export type ImportAliExpressOrdersInput = {
  trigger: ImportTrigger
  /** A push or the merchant names these orders: they are read directly, the watermark stays. */
  ae_order_ids?: string[]
}

/** One import run: the changed-orders window since the watermark (or named orders), then held/failed retries. */
export const importAliExpressOrdersWorkflow = createWorkflow(
  importAliExpressOrdersWorkflowId,
  (input: ImportAliExpressOrdersInput) => {
    const plan = prepareImportRunStep(input)
    const summaries = listChangedOrdersStep(
      transform({ plan }, ({ plan }) => ({ window: plan.skip ? null : plan.window }))
    )
    const counts = processOrderChangesStep(
      transform({ plan, summaries, input }, ({ plan, summaries, input }) => ({
        account_id: plan.skip ? null : plan.account_id,
        summaries,
        ae_order_ids: input.ae_order_ids,
        retry_pending: !input.ae_order_ids?.length,
      }))
    )
    finishImportRunStep(
      transform({ plan, counts, input }, ({ plan, counts, input }) => ({
        account_id: plan.skip ? null : plan.account_id,
        window: plan.window,
        counts,
        trigger: input.trigger,
      }))
    )
    const result = transform({ plan, counts }, ({ plan, counts }) => ({
      skip_reason: plan.skip,
      window: plan.window,
      ...(counts ?? {}),
    }))
    return new WorkflowResponse(result)
  }
)
