import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"

export const ensureSalesChannelStepId = "ensure-aliexpress-sales-channel"
export const ALIEXPRESS_SALES_CHANNEL_NAME = "AliExpress"

/**
 * The sales channel plays ChannelAdvisor's label: products in it go to
 * AliExpress. Adopts the channel the merchant picked, else one named
 * "AliExpress", else creates it.
 */
export const ensureSalesChannelStep = createStep(
  ensureSalesChannelStepId,
  async (input: { sales_channel_id?: string | null }, { container }) => {
    const salesChannels = container.resolve(Modules.SALES_CHANNEL)
    if (input.sales_channel_id) {
      const picked = await salesChannels.retrieveSalesChannel(input.sales_channel_id)
      return new StepResponse(picked.id, null)
    }
    const [existing] = await salesChannels.listSalesChannels({ name: ALIEXPRESS_SALES_CHANNEL_NAME })
    if (existing) {
      return new StepResponse(existing.id, null)
    }
    const created = await salesChannels.createSalesChannels({
      name: ALIEXPRESS_SALES_CHANNEL_NAME,
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
