import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { bufferListingEvent } from "../lib/listings/queue-from-event"

/**
 * Medusa reserves stock for an order without emitting reservation or
 * inventory-level events, so AliExpress would only learn of a storefront sale
 * (or of an imported AliExpress order, or a cancellation) at the next
 * reconcile. Queue the order's products at once instead: selling the same
 * unit twice is what this prevents.
 */
export default async function stockAfterOrder({
  event,
  container,
}: SubscriberArgs<{ id?: string; order_id?: string; variant_ids?: string[] }>) {
  if (event.data.variant_ids) {
    // An imported AliExpress order names its variants: no need to read the order again.
    bufferListingEvent(container, "variant", event.data.variant_ids)
    return
  }
  const orderId = event.data.order_id ?? event.data.id
  if (!orderId) {
    return
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["items.variant_id"], filters: { id: orderId } })
  const variantIds = (data[0]?.items ?? []).map((item: any) => item?.variant_id).filter(Boolean) as string[]
  bufferListingEvent(container, "variant", variantIds)
}

export const config: SubscriberConfig = {
  event: ["order.placed", "order.canceled", "aliexpress.order.imported"],
  context: { subscriberId: "aliexpress-stock-after-order" },
}
