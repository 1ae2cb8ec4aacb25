import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { idsOf } from "../lib/listings/event-products"
import { bufferListingEvent } from "../lib/listings/queue-from-event"

/** Stocked or reserved quantities moved: buffer the records; their products are found at flush. */
export default async function listingStockChanged({ event, container }: SubscriberArgs<{ id: string }>) {
  bufferListingEvent(container, event.name.startsWith("reservation-item.") ? "reservation" : "inventory_level", idsOf(event.data))
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
