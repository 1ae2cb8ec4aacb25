import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { orderImportRunner } from "../runners/order-import"
import { aliexpressOptions } from "../modules/aliexpress/options"

/** Every half minute; the account's order_import_interval_minutes decides which ticks really import (isImportDue). */
export default async function importAliExpressOrdersJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const outcomes = await orderImportRunner.runScheduled(container)
    // One line per tick at debug level: how operators (and the scale-out test) see the job run once per tick.
    logger.debug(`AliExpress order import job tick: ${outcomes.map((o) => o.result?.skip_reason ?? (o.error ? "failed" : "ran")).join(", ") || "no account"}`)
    for (const { result, error } of outcomes) {
      if (error) {
        // The runner's health logs the incident once; each failed tick is a debug line.
        logger.debug(`AliExpress order import failed: ${(error as Error)?.message ?? error}`)
      } else if (result && !result.skip_reason && (result.imported || result.held || result.failed || result.status_updates)) {
        logger.info(
          `AliExpress orders: ${result.imported} imported, ${result.held} held, ${result.failed} failed, ${result.status_updates} status updates`
        )
      }
    }
  } catch (e: any) {
    // The runner's health logs the incident once; each failed tick is a debug line.
    logger.debug(`AliExpress order import failed: ${e?.message ?? e}`)
  }
}

export const config = {
  name: "aliexpress-import-orders",
  // Six fields (with seconds) are accepted, so tests can run it every few seconds.
  schedule: aliexpressOptions().orderImportCron,
}
