import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN, Modules } from "@medusajs/framework/utils"

export const readAdoptedOrderLinesStepId = "read-adopted-aliexpress-order-lines"

type Lines = Array<{ id: string; quantity: number; variant_id?: string | null }>

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
    // The order module's own read: it answers each line's quantity from the order's item rows,
    // which `query.graph` leaves out (the line was read with no quantity, the reservation got
    // NaN, and the adopted order failed on every retry).
    const order = await container.resolve(Modules.ORDER).retrieveOrder(input.order_id, { relations: ["items"] })
    const items: Lines = (order.items ?? []).map((item: any) => {
      if (item.quantity == null) {
        throw new Error(`Medusa order ${input.order_id}: line ${item.id} was read without its quantity`)
      }
      return { id: item.id, variant_id: item.variant_id, quantity: MathBN.convert(item.quantity).toNumber() }
    })
    const reservations = items.length
      ? await container.resolve(Modules.INVENTORY).listReservationItems({ line_item_id: items.map((i) => i.id) }, { select: ["id"], take: 1 })
      : []
    return new StepResponse({ items, reserved: !items.length || reservations.length > 0 })
  }
)
