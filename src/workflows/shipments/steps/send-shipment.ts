import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { AliExpressAuthError, AliExpressError } from "../../../lib/aliexpress"
import { nextAttemptAt } from "../../../lib/orders/backoff"
import { SHIPMENT_FAILED_EVENT, SHIPMENT_MAX_ATTEMPTS, SHIPMENT_SENT_EVENT } from "../../../lib/orders/constants"

type ShipmentRow = Awaited<ReturnType<AliExpressModuleService["retrieveAliExpressShipment"]>>

const describe = (e: unknown) => {
  if (e instanceof AliExpressError) {
    return { code: e.subCode ?? e.code, message: e.message, retryable: e.retryable }
  }
  return { code: "error", message: String((e as { message?: string })?.message ?? e), retryable: true }
}

export const sendShipmentStepId = "send-aliexpress-shipment"

/**
 * Pushes one pending outbox row: order.fulfill the first time, the shipment
 * modification once AliExpress already has a tracking number for it. Runs
 * under a lock per row and re-reads it, so the subscriber and the retry job
 * never send the same shipment twice. A retryable failure waits with backoff;
 * a permanent one (AliExpress refused the tracking number, say) is kept as
 * failed with AliExpress' code and message for the merchant to correct.
 * Its outcome (sent, retry later, failed) is stored on the row, never thrown.
 */
export const sendShipmentStep = createStep(sendShipmentStepId, async (input: { shipment_id: string }, { container }) => {
  const row = await container
    .resolve(Modules.LOCKING)
    .execute(`aliexpress:shipment:${input.shipment_id}`, () => sendLocked(container, input.shipment_id), { timeout: 60, expire: 120 })
  return new StepResponse(row)
})

async function sendLocked(container: MedusaContainer, shipmentId: string): Promise<ShipmentRow> {
  const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const row = await service.retrieveAliExpressShipment(shipmentId)
  if (row.status !== "pending") {
    return row
  }
  const account = await service.getAccount(row.account_id).catch(() => null)
  if (!account) {
    // The account was removed: nothing can be declared for it any more.
    return row
  }
  if (account.status !== "connected") {
    // Paused, not failed: the push job sends it once the seller has reconnected.
    return row
  }
  const attempts = row.attempts + 1
  const sentBefore = !!row.pushed_tracking_number
  try {
    const client = service.getClient(account)
    // Any earlier attempt (the retry route resets `attempts`, not `last_attempt_at`) may have
    // landed with its answer lost: look before declaring the shipment a second time.
    const alreadyThere = row.last_attempt_at && !sentBefore ? await isDeclared(client, row) : false
    if (!alreadyThere) {
      if (sentBefore) {
        await client.modifyShipment({
          orderId: row.ae_order_id,
          oldServiceName: row.pushed_service_name ?? row.service_name,
          oldTrackingNumber: row.pushed_tracking_number as string,
          newServiceName: row.service_name,
          newTrackingNumber: row.tracking_number,
          sendType: row.send_type,
          trackingWebsite: row.tracking_website ?? undefined,
        })
      } else {
        await client.fulfillOrder({
          orderId: row.ae_order_id,
          serviceName: row.service_name,
          trackingNumber: row.tracking_number,
          sendType: row.send_type,
          trackingWebsite: row.tracking_website ?? undefined,
        })
      }
    }
    const sent = await service.updateAliExpressShipments({
      id: row.id,
      status: "sent",
      attempts,
      pushed_service_name: row.service_name,
      pushed_tracking_number: row.tracking_number,
      sent_at: new Date(),
      last_attempt_at: new Date(),
      next_attempt_at: null,
      last_error: null,
      last_error_code: null,
    })
    await container.resolve(Modules.EVENT_BUS).emit({ name: SHIPMENT_SENT_EVENT, data: { id: row.id, ae_order_id: row.ae_order_id } })
    await countShipment(service, account.id, "shipments_pushed", logger)
    return sent
  } catch (e) {
    if (e instanceof AliExpressAuthError) {
      // The credentials, not this shipment, are at fault: pause everything, keep it queued for after the reconnect.
      await service.markReconnectNeeded(account.id, e.message)
      return await service.updateAliExpressShipments({
        id: row.id,
        last_attempt_at: new Date(),
        next_attempt_at: null,
        last_error: e.message.slice(0, 1000),
        last_error_code: e.subCode ?? e.code,
      })
    }
    const error = describe(e)
    const giveUp = !error.retryable || attempts >= SHIPMENT_MAX_ATTEMPTS
    logger.warn(`AliExpress shipment ${row.id} for order ${row.ae_order_id} not sent: [${error.code}] ${error.message}`)
    const updated = await service.updateAliExpressShipments({
      id: row.id,
      status: giveUp ? "failed" : "pending",
      attempts,
      last_attempt_at: new Date(),
      next_attempt_at: giveUp ? null : nextAttemptAt(attempts),
      last_error: error.message.slice(0, 1000),
      last_error_code: error.code,
    })
    if (giveUp) {
      await container.resolve(Modules.EVENT_BUS).emit({ name: SHIPMENT_FAILED_EVENT, data: { id: row.id, ae_order_id: row.ae_order_id } })
      await countShipment(service, account.id, "shipments_failed", logger)
    }
    return updated
  }
}

/** After a failed or timed-out send, AliExpress may have recorded it anyway: look before sending again. */
async function isDeclared(client: ReturnType<AliExpressModuleService["getClient"]>, row: ShipmentRow): Promise<boolean> {
  const detail = await client.getOrder(row.ae_order_id)
  return detail.shipments.some((s) => s.trackingNumber === row.tracking_number)
}

/** The overview's daily counters; the push itself is stored already, so counting never fails it. */
async function countShipment(
  service: AliExpressModuleService,
  accountId: string,
  kind: "shipments_pushed" | "shipments_failed",
  logger: { warn: (msg: string) => void }
): Promise<void> {
  await service.countActivity(accountId, { [kind]: 1 }).catch((e: any) => logger.warn(`AliExpress activity not counted: ${e?.message ?? e}`))
}
