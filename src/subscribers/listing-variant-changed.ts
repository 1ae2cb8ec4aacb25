import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { idsOf, listingSyncRunner } from "../runners/listing-sync"

/** A variant (SKU, options, prices) was created, changed or deleted: the runner finds its product at its flush. */
export default async function listingVariantChanged({ event, container }: SubscriberArgs<{ id: string }>) {
  listingSyncRunner.bufferEvent(container, "variant", idsOf(event.data))
}

export const config: SubscriberConfig = {
  event: ["product-variant.created", "product-variant.updated", "product-variant.deleted"],
  context: { subscriberId: "aliexpress-listing-variant-changed" },
}
