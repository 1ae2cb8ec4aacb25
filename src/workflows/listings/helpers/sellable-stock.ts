import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { InventoryRequirement } from "../../../lib/listings/source-product"
import { sellableQuantities } from "../../../lib/listings/sellable-stock"

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

/** Sellable quantity per variant at the given locations (see `sellableQuantities`). */
export async function computeSellableStock(
  container: MedusaContainer,
  requirements: Record<string, InventoryRequirement[]>,
  locationIds: string[]
): Promise<Record<string, number>> {
  const itemIds = [...new Set(Object.values(requirements).flatMap((r) => r.map((i) => i.inventory_item_id)))]
  const levels =
    itemIds.length && locationIds.length
      ? await container.resolve(Modules.INVENTORY).listInventoryLevels(
          { inventory_item_id: itemIds, location_id: locationIds },
          { select: ["inventory_item_id", "stocked_quantity", "reserved_quantity"], take: itemIds.length * locationIds.length }
        )
      : []
  return sellableQuantities(requirements, levels)
}
