import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { idsOf, productIdsOfInventoryLevels, productIdsOfReservations } from "../lib/listings/event-products"
import { queueProductsFromEvent } from "../lib/listings/queue-from-event"

/** Stocked or reserved quantities moved: queue the listings of the products they belong to. */
export default async function listingStockChanged({ event, container }: SubscriberArgs<{ id: string }>) {
  const ids = idsOf(event.data)
  const productIds = event.name.startsWith("reservation-item.")
    ? await productIdsOfReservations(container, ids)
    : await productIdsOfInventoryLevels(container, ids)
  await queueProductsFromEvent(container, event.name, productIds)
}

export const config: SubscriberConfig = {
  event: [
    "inventory-level.created",
    "inventory-level.updated",
    "inventory-level.deleted",
    "reservation-item.created",
    "reservation-item.updated",
    "reservation-item.deleted",
  ],
  context: { subscriberId: "aliexpress-listing-stock-changed" },
}
