import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

export const readAdoptedOrderLinesStepId = "read-adopted-aliexpress-order-lines"

type Lines = Array<{ id: string; quantity: unknown; variant_id?: string | null }>

/**
 * An adopted order (a run died after Medusa created it) may have died before its stock was
 * reserved: its lines, and whether any of them holds a reservation. Nothing for a new order. A read.
 */
export const readAdoptedOrderLinesStep = createStep(
  readAdoptedOrderLinesStepId,
  async (input: { order_id: string | null }, { container }) => {
    if (!input.order_id) {
      return new StepResponse({ items: [] as Lines, reserved: true })
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ["id", "items.id", "items.quantity", "items.variant_id"], filters: { id: input.order_id } })
    const items = ((data[0] as any)?.items ?? []) as Lines
    const reservations = items.length
      ? await container.resolve(Modules.INVENTORY).listReservationItems({ line_item_id: items.map((i) => i.id) }, { select: ["id"], take: 1 })
      : []
    return new StepResponse({ items, reserved: !items.length || reservations.length > 0 })
  }
)
