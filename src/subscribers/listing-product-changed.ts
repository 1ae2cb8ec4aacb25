import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { idsOf } from "../lib/listings/event-products"
import { bufferListingEvent } from "../lib/listings/queue-from-event"

/** A product was created, changed (including its sales channels) or deleted: buffer it for the next queue write. */
export default async function listingProductChanged({ event, container }: SubscriberArgs<{ id: string }>) {
  bufferListingEvent(container, "product", idsOf(event.data))
}

export const config: SubscriberConfig = {
  event: ["product.created", "product.updated", "product.deleted"],
  context: { subscriberId: "aliexpress-listing-product-changed" },
}
