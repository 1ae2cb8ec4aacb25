import type { MatchedLine } from "./types"

export type ReservationInput = {
  id: string
  inventory_item_id: string
  required_quantity: number
  allow_backorder: boolean
  quantity: number
  location_ids: string[]
}

/**
 * What convertDraftOrderWorkflow reserves, for an order placed elsewhere:
 * one reservation per inventory item of each managed variant, at the first
 * channel location with enough available stock (core reserves at
 * `location_ids[0]`, so the best location goes first).
 */
export function toReservationItems(order: any, channelLocationIds: string[]): ReservationInput[] {
  const items: ReservationInput[] = []
  for (const item of order?.items ?? []) {
    const variant = item?.variant
    if (!variant?.manage_inventory) {
      continue
    }
    for (const link of variant.inventory_items ?? []) {
      const required = Number(link.required_quantity ?? 1)
      const needed = required * Number(item.quantity)
      const levels: any[] = (link.inventory?.location_levels ?? []).filter((l: any) =>
        channelLocationIds.includes(l.location_id)
      )
      const best =
        levels.find((l) => Number(l.stocked_quantity ?? 0) - Number(l.reserved_quantity ?? 0) >= needed) ?? levels[0]
      const ordered = best
        ? [best.location_id, ...channelLocationIds.filter((id) => id !== best.location_id)]
        : channelLocationIds
      items.push({
        id: item.id,
        inventory_item_id: link.inventory_item_id,
        required_quantity: required,
        allow_backorder: !!variant.allow_backorder,
        quantity: Number(item.quantity),
        location_ids: ordered,
      })
    }
  }
  return items
}

/**
 * The created order's lines joined with what the match read of their variants, in the shape
 * `toReservationItems` takes: the order is not read back from the database.
 */
export function reservationOrderOf(
  order: { items?: Array<{ id: string; quantity: unknown; variant_id?: string | null }> | null },
  matches: MatchedLine[]
) {
  const byVariant = new Map(matches.map((m) => [m.variant_id, m]))
  return {
    items: (order.items ?? []).map((item) => {
      const stock = item.variant_id ? byVariant.get(item.variant_id)?.stock : undefined
      return { id: item.id, quantity: item.quantity, variant: stock ?? null }
    }),
  }
}
