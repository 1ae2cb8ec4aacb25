import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import type { AccountSettingsInput } from "../../../modules/aliexpress/types"

/** Which account the settings are for: the named one, the store's only one, or (create) a new one. */
export type SettingsTarget = { account_id?: string | null; create?: boolean }

export const upsertAccountSettingsStepId = "upsert-aliexpress-account-settings"

/** Saves the seller account settings; compensation restores the previous row. */
export const upsertAccountSettingsStep = createStep(
  upsertAccountSettingsStepId,
  async (input: AccountSettingsInput & SettingsTarget, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const { account_id, create, ...settings } = input
    const previous = create ? null : await service.getAccount(account_id)
    const account = await service.saveAccountSettings(settings, { account_id: previous?.id ?? account_id, create })
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
