import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { shipmentPushLockKey } from "../lib/orders/constants"
import { within } from "./within"
import { ALIEXPRESS_MODULE } from "../modules/aliexpress"
import type AliExpressModuleService from "../modules/aliexpress/service"
import { listDueAliExpressShipmentsWorkflow } from "../workflows/shipments/workflows/list-due-shipments"
import { sendAliExpressShipmentWorkflow } from "../workflows/shipments/workflows/send-shipment"
import { pushAliExpressShipmentWorkflow } from "../workflows/shipments/workflows/push-shipment"
import { healthReporter } from "./health"

export type ShipmentSweepCounts = { sent: number; pending: number; failed: number }

type PushedRow = { account_id: string; status: string; last_error?: string | null; last_error_code?: string | null }

/**
 * A push's outcome in the account's health: sent is a success; waiting for a retry or failed
 * for good is a failure with AliExpress' answer as the reason.
 */
export async function recordShipmentOutcome(container: MedusaContainer, row: PushedRow | null | undefined): Promise<void> {
  if (!row?.account_id || (row.status !== "sent" && !row.last_error)) {
    // Nothing was tried (waiting for a reconnect, say): neither a success nor a failure.
    return
  }
  const outcome =
    row.status === "sent"
      ? ({ ok: true } as const)
      : { ok: false as const, reason: `${row.last_error}${row.last_error_code ? ` (${row.last_error_code})` : ""}` }
  await healthReporter.report(container, row.account_id, "shipment_push", outcome)
}

/** A new Medusa shipment: pushed at once (the workflow skips non-AliExpress orders), its outcome recorded. */
export async function pushShipmentOfFulfillment(container: MedusaContainer, fulfillmentId: string): Promise<void> {
  const { result } = await pushAliExpressShipmentWorkflow(container).run({ input: { fulfillment_id: fulfillmentId } })
  await recordShipmentOutcome(container, result as PushedRow | null)
}

/**
 * The retry sweep of the shipment outbox, every connected account side by side: under each
 * account's lock across server and workers, each due shipment is sent by its own workflow run,
 * so one shipment's failure is recorded on it and never stops the others, and a slow account
 * never holds up another. (A new shipment is pushed at once by its subscriber; this catches
 * the ones that waited for a back-off or a reconnect.)
 */
export async function pushDueShipments(container: MedusaContainer, limit = 100): Promise<ShipmentSweepCounts> {
  const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
  const accounts = await service.listConnectedAccounts()
  const idle: ShipmentSweepCounts = { sent: 0, pending: 0, failed: 0 }
  const swept = await Promise.allSettled(
    accounts.map((a) => {
      // An account whose sweep is still going (AliExpress slow for it) is left to it.
      if (sweeping.has(a.id)) return Promise.resolve(idle)
      const sweep = pushDueShipmentsOf(container, a.id, limit)
      sweeping.set(a.id, sweep)
      void sweep.catch(() => undefined).finally(() => sweeping.delete(a.id))
      return within(sweep, SWEEP_WAIT_MS, () => idle)
    })
  )
  const counts: ShipmentSweepCounts = { sent: 0, pending: 0, failed: 0 }
  for (const outcome of swept) {
    if (outcome.status === "rejected") {
      container.resolve("logger").warn(`AliExpress shipment retry run skipped: ${outcome.reason?.message ?? outcome.reason}`)
      continue
    }
    for (const key of Object.keys(counts) as Array<keyof ShipmentSweepCounts>) counts[key] += outcome.value[key]
  }
  return counts
}

/** Sweeps under way in this process, per account. */
const sweeping = new Map<string, Promise<ShipmentSweepCounts>>()
/** How long the job waits for one account's sweep before leaving it to finish in the background. */
const SWEEP_WAIT_MS = 50_000

async function pushDueShipmentsOf(container: MedusaContainer, accountId: string, limit: number): Promise<ShipmentSweepCounts> {
  return await container.resolve(Modules.LOCKING).execute(
    shipmentPushLockKey(accountId),
    async () => {
      const counts: ShipmentSweepCounts = { sent: 0, pending: 0, failed: 0 }
      const { result: ids } = await listDueAliExpressShipmentsWorkflow(container).run({ input: { account_id: accountId, limit } })
      for (const id of ids) {
        const { result: row } = await sendAliExpressShipmentWorkflow(container).run({ input: { shipment_id: id } })
        counts[row.status as keyof ShipmentSweepCounts]++
        await recordShipmentOutcome(container, row as PushedRow)
      }
      return counts
    },
    { timeout: 5, expire: 10 * 60 }
  )
}
