import type { MedusaContainer } from "@medusajs/framework/types"
import { listingSyncSettings } from "../modules/aliexpress/options"
import { listingSyncRunner } from "../runners/listing-sync"

/**
 * Catches what no event announces (channel membership set from the sales channel page, price
 * list changes, settings and template changes), retries failed listings once their backoff is
 * over, and reads back AliExpress' review verdicts.
 */
export default async function reconcileListingsJob(container: MedusaContainer) {
  await listingSyncRunner.reconcile(container)
}

export const config = {
  name: "aliexpress-reconcile-listings",
  schedule: listingSyncSettings().reconcileCron,
}
