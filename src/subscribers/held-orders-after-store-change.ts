import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { orderImportRunner } from "../runners/order-import"

/** A variant may now carry the SKU a held order waits for, or stock arrived for one that failed short of it. */
export default async function heldOrdersAfterStoreChange({ container }: SubscriberArgs<unknown>) {
  orderImportRunner.storeChanged(container)
}

export const config: SubscriberConfig = {
  event: ["product-variant.created", "product-variant.updated", "inventory-level.created", "inventory-level.updated"],
  context: { subscriberId: "aliexpress-held-orders-after-store-change" },
}
