import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import type { ImportWindow } from "../../../lib/orders/import-window"
import type { ImportRunCounts } from "../../../lib/orders/types"

export type FinishImportRunInput = {
  account_id: string | null
  window: ImportWindow | null
  counts: ImportRunCounts | null
  trigger: string
}

export const finishImportRunStepId = "finish-aliexpress-order-import-run"

/**
 * Records the run. The watermark moves to the window's end only when every
 * order in it was handled or recorded for retry, so a run that dies midway
 * reads the same window again.
 */
export const finishImportRunStep = createStep(
  finishImportRunStepId,
  async (
    input: FinishImportRunInput,
    { container }
  ) => {
    if (!input.account_id || !input.counts) {
      return new StepResponse(null)
    }
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const { errors, ...counts } = input.counts
    const update: Record<string, unknown> = {
      id: input.account_id,
      last_order_import_result: {
        ...counts,
        errors: errors.slice(0, 20),
        trigger: input.trigger,
        window: input.window,
        finished_at: new Date().toISOString(),
      },
    }
    if (input.window) {
      update.last_order_import_at = new Date()
      if (input.counts.complete) {
        update.order_watermark = new Date(input.window.to)
      }
    }
    await service.updateAliExpressAccounts(update as any)
    return new StepResponse(update)
  }
)
