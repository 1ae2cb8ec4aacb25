import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ORDER_PUSH_RECEIVED_EVENT } from "../lib/orders/constants"
import { importPushedOrder } from "../workflows/orders/helpers/import-pushed-orders"

/** A verified AliExpress push: import (or update) that order now instead of at the next scheduled run. */
export default async function aliexpressOrderPushReceived({ event, container }: SubscriberArgs<{ ae_order_id: string }>) {
  importPushedOrder(container, event.data.ae_order_id)
}

export const config: SubscriberConfig = { event: ORDER_PUSH_RECEIVED_EVENT }
