import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

export const findExistingMedusaOrderStepId = "find-existing-medusa-order-for-aliexpress"

/** A claim goes stale within minutes; a week back is plenty. */
const LOOK_BACK_MS = 7 * 24 * 3600 * 1000

/**
 * A run that died after Medusa created the order but before the binding was
 * completed leaves an order carrying the AliExpress id in its metadata; a
 * resumed claim adopts it instead of creating a second one. Every retry asks, so
 * the order is looked up by that id in SQL rather than by reading the week's orders.
 */
export const findExistingMedusaOrderStep = createStep(
  findExistingMedusaOrderStepId,
  async (
    input: { resumed: boolean; ae_order_id: string; sales_channel_id: string | null },
    { container }
  ) => {
    if (!input.resumed || !input.sales_channel_id) {
      return new StepResponse(null as string | null)
    }
    const since = new Date(Date.now() - LOOK_BACK_MS)
    const found = await orderByMetadata(container, input.sales_channel_id, input.ae_order_id, since).catch((error) => {
      container.resolve(ContainerRegistrationKeys.LOGGER).warn(`AliExpress: order lookup by id failed, reading the week's orders: ${error?.message ?? error}`)
      return orderByGraph(container, input.sales_channel_id!, input.ae_order_id, since)
    })
    return new StepResponse(found)
  }
)

async function orderByMetadata(container: MedusaContainer, salesChannelId: string, aeOrderId: string, since: Date): Promise<string | null> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await knex.raw(
    `select id from "order"
      where sales_channel_id = ? and deleted_at is null and created_at >= ? and metadata->>'aliexpress_order_id' = ?
      order by created_at limit 1`,
    [salesChannelId, since, aeOrderId]
  )
  return rows[0]?.id ?? null
}

/** The same through the order module, should the table not be shaped as expected. */
async function orderByGraph(container: MedusaContainer, salesChannelId: string, aeOrderId: string, since: Date): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "metadata"],
    filters: { sales_channel_id: salesChannelId, created_at: { $gte: since } },
  })
  return (data.find((o: any) => o.metadata?.aliexpress_order_id === aeOrderId)?.id as string | undefined) ?? null
}
