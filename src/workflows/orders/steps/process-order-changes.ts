import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { OrderSummary } from "../../../lib/aliexpress"
import { processOrderChanges } from "../helpers/process-order-changes"

export const processOrderChangesStepId = "process-aliexpress-order-changes"

/** Imports new orders and mirrors status changes, one order workflow each; retries held and failed ones. */
export const processOrderChangesStep = createStep(
  processOrderChangesStepId,
  async (
    input: { account_id: string | null; summaries: OrderSummary[]; ae_order_ids?: string[]; retry_pending: boolean },
    { container }
  ) => {
    if (!input.account_id) {
      return new StepResponse(null)
    }
    const counts = await processOrderChanges(container, { ...input, account_id: input.account_id })
    return new StepResponse(counts)
  }
)
