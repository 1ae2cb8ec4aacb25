import type { InventoryRequirement } from "./source-product"

export type StockLevel = {
  inventory_item_id: string
  stocked_quantity?: number | string | null
  reserved_quantity?: number | string | null
}

/**
 * Sellable quantity per variant: stocked minus reserved, summed over the locations, divided by
 * the quantity each inventory item needs, the scarcest item deciding (as Medusa's own
 * availability does for kits). A variant with no inventory item has nothing to sell.
 */
export function sellableQuantities(
  requirements: Record<string, InventoryRequirement[]>,
  levels: StockLevel[]
): Record<string, number> {
  const available = new Map<string, number>()
  for (const level of levels) {
    const free = Number(level.stocked_quantity ?? 0) - Number(level.reserved_quantity ?? 0)
    available.set(level.inventory_item_id, (available.get(level.inventory_item_id) ?? 0) + free)
  }
  const stock: Record<string, number> = {}
  for (const [variantId, items] of Object.entries(requirements)) {
    stock[variantId] = items.length
      ? Math.max(0, Math.min(...items.map((i) => Math.floor((available.get(i.inventory_item_id) ?? 0) / i.required_quantity))))
      : 0
  }
  return stock
}
