import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AccountSettingsInput } from "../../../modules/aliexpress/types"
import { upsertAccountSettingsStep, type SettingsTarget } from "../steps/upsert-account-settings"
import { ensureSalesChannelStep } from "../steps/ensure-sales-channel"
import { linkChannelToLocationsStep } from "../steps/link-channel-to-locations"

export const saveAliExpressSettingsWorkflowId = "save-aliexpress-settings"

/** Saves the account settings and makes sure the AliExpress sales channel exists and can ship. */
export const saveAliExpressSettingsWorkflow = createWorkflow(
  saveAliExpressSettingsWorkflowId,
  (input: AccountSettingsInput & SettingsTarget) => {
    const salesChannelId = ensureSalesChannelStep(
      transform({ input }, ({ input }) => ({ sales_channel_id: input.sales_channel_id, account_id: input.create ? null : input.account_id, account_name: input.name }))
    )
    const settings = transform({ input, salesChannelId }, ({ input, salesChannelId }) => ({
      ...input,
      sales_channel_id: salesChannelId,
    }))
    const account = upsertAccountSettingsStep(settings)
    linkChannelToLocationsStep(
      transform({ account }, ({ account }) => ({
        sales_channel_id: account.sales_channel_id as string,
        stock_location_ids: (account.stock_location_ids as string[] | null) ?? null,
      }))
    )
    return new WorkflowResponse(account)
  }
)
