import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import type { AccountSettingsInput } from "../../../modules/aliexpress/types"

export const upsertAccountSettingsStepId = "upsert-aliexpress-account-settings"

/** Saves the seller account settings; compensation restores the previous row. */
export const upsertAccountSettingsStep = createStep(
  upsertAccountSettingsStepId,
  async (input: AccountSettingsInput, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const previous = await service.getAccount()
    const account = await service.saveAccountSettings(input)
    return new StepResponse(account, { previous, accountId: account.id })
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    if (compensation.previous) {
      const { created_at, updated_at, deleted_at, ...row } = compensation.previous as any
      await service.updateAliExpressAccounts(row)
    } else {
      await service.deleteAliExpressAccounts(compensation.accountId)
    }
  }
)
