import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { pushDueShipments } from "../runners/shipment-push"
import { aliexpressOptions } from "../modules/aliexpress/options"

/** Every minute: shipments whose push failed with a retryable error are sent again once their backoff has passed. */
export default async function pushAliExpressShipmentsJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const counts = await pushDueShipments(container)
    if (counts.sent || counts.failed) {
      logger.info(`AliExpress shipments: ${counts.sent} sent, ${counts.failed} failed, ${counts.pending} waiting`)
    }
  } catch (e: any) {
    logger.warn(`AliExpress shipment retry run skipped: ${e?.message ?? e}`)
  }
}

export const config = {
  name: "aliexpress-push-shipments",
  schedule: aliexpressOptions().shipmentPushCron,
}
