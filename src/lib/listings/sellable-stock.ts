import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { InventoryRequirement } from "./source-product"

type AccountLocations = { sales_channel_id?: string | null; stock_location_ids?: unknown }

/** The locations whose stock AliExpress sells: the chosen ones, else the channel's. */
export async function resolveStockLocationIds(container: MedusaContainer, account: AccountLocations): Promise<string[]> {
  const chosen = Array.isArray(account.stock_location_ids) ? (account.stock_location_ids as string[]) : []
  if (chosen.length) {
    return chosen
  }
  if (!account.sales_channel_id) {
    return []
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "sales_channel",
    fields: ["stock_locations.id"],
    filters: { id: account.sales_channel_id },
  })
  return (data[0]?.stock_locations ?? []).map((l: { id: string }) => l.id)
}

/**
 * Sellable quantity per variant: stocked minus reserved, summed over the locations, divided by
 * the quantity each inventory item needs, the scarcest item deciding (as Medusa's own
 * availability does for kits). A variant with no inventory item has nothing to sell.
 */
export async function computeSellableStock(
  container: MedusaContainer,
  requirements: Record<string, InventoryRequirement[]>,
  locationIds: string[]
): Promise<Record<string, number>> {
  const itemIds = [...new Set(Object.values(requirements).flatMap((r) => r.map((i) => i.inventory_item_id)))]
  const available = new Map<string, number>()
  if (itemIds.length && locationIds.length) {
    const levels = await container.resolve(Modules.INVENTORY).listInventoryLevels(
      { inventory_item_id: itemIds, location_id: locationIds },
      { select: ["inventory_item_id", "stocked_quantity", "reserved_quantity"], take: itemIds.length * locationIds.length }
    )
    for (const level of levels) {
      const free = Number(level.stocked_quantity ?? 0) - Number(level.reserved_quantity ?? 0)
      available.set(level.inventory_item_id, (available.get(level.inventory_item_id) ?? 0) + free)
    }
  }
  const stock: Record<string, number> = {}
  for (const [variantId, items] of Object.entries(requirements)) {
    if (!items.length) {
      stock[variantId] = 0
      continue
    }
    stock[variantId] = Math.max(
      0,
      Math.min(...items.map((i) => Math.floor((available.get(i.inventory_item_id) ?? 0) / i.required_quantity)))
    )
  }
  return stock
}
