import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { idsOf, productIdsOfVariants } from "../lib/listings/event-products"
import { queueProductsFromEvent } from "../lib/listings/queue-from-event"

/** A variant (SKU, options, prices) was created, changed or deleted: queue its product's listing. */
export default async function listingVariantChanged({ event, container }: SubscriberArgs<{ id: string }>) {
  await queueProductsFromEvent(container, event.name, await productIdsOfVariants(container, idsOf(event.data)))
}

export const config: SubscriberConfig = {
  event: ["product-variant.created", "product-variant.updated", "product-variant.deleted"],
  context: { subscriberId: "aliexpress-listing-variant-changed" },
}
