import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ORDER_PUSH_RECEIVED_EVENT } from "../lib/orders/constants"
import { runOrderImport } from "../workflows/orders/helpers/run-order-import"

/** A verified AliExpress push: import (or update) that one order now instead of at the next scheduled run. */
export default async function aliexpressOrderPushReceived({ event, container }: SubscriberArgs<{ ae_order_id: string }>) {
  try {
    await runOrderImport(container, { trigger: "push", ae_order_ids: [event.data.ae_order_id] })
  } catch (e: any) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`AliExpress push for order ${event.data.ae_order_id} could not be imported now: ${e?.message ?? e}`)
  }
}

export const config: SubscriberConfig = { event: ORDER_PUSH_RECEIVED_EVENT }
