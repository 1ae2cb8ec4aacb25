import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

export async function productIdsOfVariants(container: MedusaContainer, variantIds: string[]): Promise<string[]> {
  if (!variantIds.length) return []
  const variants = await container
    .resolve(Modules.PRODUCT)
    .listProductVariants({ id: variantIds }, { select: ["id", "product_id"], withDeleted: true, take: variantIds.length })
  return [...new Set(variants.map((v) => v.product_id).filter(Boolean) as string[])]
}

export async function productIdsOfInventoryItems(container: MedusaContainer, itemIds: string[]): Promise<string[]> {
  if (!itemIds.length) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant_inventory_item",
    fields: ["variant_id"],
    filters: { inventory_item_id: itemIds },
  })
  return productIdsOfVariants(container, data.map((l: { variant_id: string }) => l.variant_id))
}

export async function productIdsOfInventoryLevels(container: MedusaContainer, levelIds: string[]): Promise<string[]> {
  if (!levelIds.length) return []
  const levels = await container
    .resolve(Modules.INVENTORY)
    .listInventoryLevels({ id: levelIds }, { select: ["id", "inventory_item_id"], withDeleted: true, take: levelIds.length })
  return productIdsOfInventoryItems(container, [...new Set(levels.map((l) => l.inventory_item_id))])
}

export async function productIdsOfReservations(container: MedusaContainer, reservationIds: string[]): Promise<string[]> {
  if (!reservationIds.length) return []
  const reservations = await container
    .resolve(Modules.INVENTORY)
    .listReservationItems({ id: reservationIds }, { select: ["id", "inventory_item_id"], withDeleted: true, take: reservationIds.length })
  return productIdsOfInventoryItems(container, [...new Set(reservations.map((r) => r.inventory_item_id))])
}

/** Medusa reserves stock for an order without emitting reservation events: its lines name the variants. */
export async function productIdsOfOrders(container: MedusaContainer, orderIds: string[]): Promise<string[]> {
  if (!orderIds.length) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["items.variant_id"], filters: { id: orderIds } })
  const variantIds = data.flatMap((o: any) => (o?.items ?? []).map((item: any) => item?.variant_id)).filter(Boolean) as string[]
  return productIdsOfVariants(container, [...new Set(variantIds)])
}
