import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { pushShipmentOfFulfillment } from "../runners/shipment-push"

/** `shipment.created` carries only the fulfillment id; the workflow reads the rest and skips non-AliExpress orders. */
export default async function aliexpressShipmentCreated({ event, container }: SubscriberArgs<{ id: string }>) {
  try {
    await pushShipmentOfFulfillment(container, event.data.id)
  } catch (e: any) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`AliExpress shipment push for fulfillment ${event.data.id} failed: ${e?.message ?? e}`)
  }
}

export const config: SubscriberConfig = { event: "shipment.created" }
