import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { idsOf } from "../lib/listings/event-products"
import { queueProductsFromEvent } from "../lib/listings/queue-from-event"

/** A product was created, changed (including its sales channels) or deleted: queue its listing. */
export default async function listingProductChanged({ event, container }: SubscriberArgs<{ id: string }>) {
  await queueProductsFromEvent(container, event.name, idsOf(event.data))
}

export const config: SubscriberConfig = {
  event: ["product.created", "product.updated", "product.deleted"],
  context: { subscriberId: "aliexpress-listing-product-changed" },
}
