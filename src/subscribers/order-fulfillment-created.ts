import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { pushAliExpressShipmentWorkflow } from "../workflows/shipments/workflows/push-shipment"

/** A fulfillment created with tracking labels is a shipment for AliExpress; without labels it waits for `shipment.created`. */
export default async function aliexpressOrderFulfillmentCreated({
  event,
  container,
}: SubscriberArgs<{ order_id: string; fulfillment_id: string }>) {
  try {
    await pushAliExpressShipmentWorkflow(container).run({ input: { fulfillment_id: event.data.fulfillment_id } })
  } catch (e: any) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`AliExpress shipment push for fulfillment ${event.data.fulfillment_id} failed: ${e?.message ?? e}`)
  }
}

export const config: SubscriberConfig = { event: "order.fulfillment_created" }
