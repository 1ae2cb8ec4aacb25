import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"

export const ensureSalesChannelStepId = "ensure-aliexpress-sales-channel"
export const ALIEXPRESS_SALES_CHANNEL_NAME = "AliExpress"

/**
 * The sales channel plays ChannelAdvisor's label: products in it go to the account's AliExpress
 * store. Adopts the channel the merchant picked (or the account already has), else one named
 * "AliExpress" that no other account uses, else creates one: "AliExpress" for the first
 * account, "AliExpress - <account name>" for the next ones.
 */
export const ensureSalesChannelStep = createStep(
  ensureSalesChannelStepId,
  async (input: { sales_channel_id?: string | null; account_id?: string | null; account_name?: string | null }, { container }) => {
    const salesChannels = container.resolve(Modules.SALES_CHANNEL)
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const current = input.account_id ? await service.getAccount(input.account_id) : null
    const wanted = input.sales_channel_id ?? current?.sales_channel_id
    if (wanted) {
      const picked = await salesChannels.retrieveSalesChannel(wanted)
      return new StepResponse(picked.id, null)
    }
    const taken = new Set((await service.listAccounts()).map((a) => a.sales_channel_id).filter(Boolean))
    const name = taken.size && input.account_name ? `${ALIEXPRESS_SALES_CHANNEL_NAME} - ${input.account_name}` : ALIEXPRESS_SALES_CHANNEL_NAME
    const [existing] = (await salesChannels.listSalesChannels({ name: [ALIEXPRESS_SALES_CHANNEL_NAME, name] })).filter((c) => !taken.has(c.id))
    if (existing) {
      return new StepResponse(existing.id, null)
    }
    const created = await salesChannels.createSalesChannels({
      name: taken.size ? (name === ALIEXPRESS_SALES_CHANNEL_NAME ? `${name} ${taken.size + 1}` : name) : name,
      description: "Products in this channel are listed on AliExpress",
    })
    return new StepResponse(created.id, created.id)
  },
  async (createdId, { container }) => {
    if (!createdId) {
      return
    }
    await container.resolve(Modules.SALES_CHANNEL).deleteSalesChannels(createdId)
  }
)
