import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

export const linkChannelToLocationsStepId = "link-aliexpress-channel-to-locations"

/**
 * Imported orders reserve stock through the channel's stock locations, so the
 * AliExpress channel must be linked to the locations whose stock it sells
 * (all locations when the merchant picked none).
 */
export const linkChannelToLocationsStep = createStep(
  linkChannelToLocationsStepId,
  async (input: { sales_channel_id: string; stock_location_ids?: string[] | null }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const link = container.resolve(ContainerRegistrationKeys.LINK)

    let locationIds = input.stock_location_ids ?? []
    if (!locationIds.length) {
      const { data } = await query.graph({ entity: "stock_location", fields: ["id"] })
      locationIds = data.map((l: { id: string }) => l.id)
    }
    const { data: channels } = await query.graph({
      entity: "sales_channel",
      fields: ["id", "stock_locations.id"],
      filters: { id: input.sales_channel_id },
    })
    const linked = new Set((channels[0]?.stock_locations ?? []).map((l: { id: string }) => l.id))
    const missing = locationIds.filter((id) => !linked.has(id))
    const links = missing.map((stock_location_id) => ({
      [Modules.SALES_CHANNEL]: { sales_channel_id: input.sales_channel_id },
      [Modules.STOCK_LOCATION]: { stock_location_id },
    }))
    if (links.length) {
      await link.create(links)
    }
    return new StepResponse(missing, links)
  },
  async (links, { container }) => {
    if (!links?.length) {
      return
    }
    await container.resolve(ContainerRegistrationKeys.LINK).dismiss(links)
  }
)
