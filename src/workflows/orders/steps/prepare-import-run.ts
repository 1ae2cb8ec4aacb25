import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { importWindow, isImportDue, type ImportWindow } from "../../../lib/orders/import-window"

export const prepareImportRunStepId = "prepare-aliexpress-order-import-run"

export type ImportTrigger = "schedule" | "manual" | "push" | "store_change"

export type ImportRunPlan = {
  account_id: string | null
  skip: string | null
  window: ImportWindow | null
}

/** Decides whether this run happens (connected account, interval passed) and which window it reads. */
export const prepareImportRunStep = createStep(
  prepareImportRunStepId,
  async (input: { account_id: string; trigger: ImportTrigger; ae_order_ids?: string[] }, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    // A removed account has nothing to import.
    const account = await service.getAccount(input.account_id).catch(() => null)
    if (!account || account.status !== "connected") {
      return new StepResponse<ImportRunPlan>({ account_id: account?.id ?? null, skip: "not_connected", window: null })
    }
    if (input.ae_order_ids?.length || input.trigger === "store_change") {
      return new StepResponse<ImportRunPlan>({ account_id: account.id, skip: null, window: null })
    }
    if (input.trigger === "schedule" && !isImportDue(account.last_order_import_at, account.order_import_interval_minutes)) {
      return new StepResponse<ImportRunPlan>({ account_id: account.id, skip: "not_due", window: null })
    }
    return new StepResponse<ImportRunPlan>({
      account_id: account.id,
      skip: null,
      window: importWindow(account.order_watermark),
    })
  }
)
