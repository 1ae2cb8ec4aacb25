import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ORDER_PUSH_RECEIVED_EVENT } from "../lib/orders/constants"
import { orderImportRunner } from "../runners/order-import"

/** A verified AliExpress push: the runner imports (or updates) that order now instead of at the next scheduled run. */
export default async function aliexpressOrderPushReceived({ event, container }: SubscriberArgs<{ account_id: string; ae_order_id: string }>) {
  orderImportRunner.importPushed(container, event.data.account_id, event.data.ae_order_id)
}

export const config: SubscriberConfig = { event: ORDER_PUSH_RECEIVED_EVENT }
