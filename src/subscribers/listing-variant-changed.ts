import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { idsOf } from "../lib/listings/event-products"
import { bufferListingEvent } from "../lib/listings/queue-from-event"

/** A variant (SKU, options, prices) was created, changed or deleted: buffer it; its product is found at flush. */
export default async function listingVariantChanged({ event, container }: SubscriberArgs<{ id: string }>) {
  bufferListingEvent(container, "variant", idsOf(event.data))
}

export const config: SubscriberConfig = {
  event: ["product-variant.created", "product-variant.updated", "product-variant.deleted"],
  context: { subscriberId: "aliexpress-listing-variant-changed" },
}
