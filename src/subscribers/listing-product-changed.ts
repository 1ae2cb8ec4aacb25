import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { idsOf, listingSyncRunner } from "../runners/listing-sync"

/** A product was created, changed (including its sales channels) or deleted: the runner syncs it after the debounce. */
export default async function listingProductChanged({ event, container }: SubscriberArgs<{ id: string }>) {
  listingSyncRunner.bufferEvent(container, "product", idsOf(event.data))
}

export const config: SubscriberConfig = {
  event: ["product.created", "product.updated", "product.deleted"],
  context: { subscriberId: "aliexpress-listing-product-changed" },
}
