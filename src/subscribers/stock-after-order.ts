import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { listingSyncRunner } from "../runners/listing-sync"

/**
 * Medusa reserves stock for an order without emitting reservation or inventory-level events,
 * so AliExpress would only learn of a storefront sale (or a cancellation) at the next
 * reconcile. Hand the order's products to the runner at once: selling the same unit twice is
 * what this prevents. An imported AliExpress order is the exception: AliExpress already lowered
 * its own stock, so its products are gathered and resent later (resendStockLater).
 */
export default async function stockAfterOrder({
  event,
  container,
}: SubscriberArgs<{ id?: string; order_id?: string; product_ids?: string[]; account_id?: string }>) {
  if (event.data.product_ids) {
    // An imported AliExpress order names its account and products; AliExpress has lowered that
    // account's stock itself, the other accounts' listings follow Medusa's stock.
    listingSyncRunner.soldOnAliExpress(container, event.data.account_id, event.data.product_ids)
    return
  }
  const orderId = event.data.order_id ?? event.data.id
  listingSyncRunner.bufferEvent(container, "order", orderId ? [orderId] : [])
}

export const config: SubscriberConfig = {
  event: ["order.placed", "order.canceled", "aliexpress.order.imported"],
  context: { subscriberId: "aliexpress-stock-after-order" },
}
