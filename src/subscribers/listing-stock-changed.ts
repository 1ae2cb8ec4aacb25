import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { idsOf, listingSyncRunner } from "../runners/listing-sync"

/** Stocked or reserved quantities moved: the runner finds their products at its flush. */
export default async function listingStockChanged({ event, container }: SubscriberArgs<{ id: string }>) {
  const kind = event.name.startsWith("reservation-item.") ? "reservation" : "inventory_level"
  listingSyncRunner.bufferEvent(container, kind, idsOf(event.data))
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
