import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { SHIPMENT_PUSH_LOCK_KEY } from "../lib/orders/constants"
import { listDueAliExpressShipmentsWorkflow } from "../workflows/shipments/workflows/list-due-shipments"
import { sendAliExpressShipmentWorkflow } from "../workflows/shipments/workflows/send-shipment"

export type ShipmentSweepCounts = { sent: number; pending: number; failed: number }

/**
 * The retry sweep of the shipment outbox: under one lock across server and workers, each due
 * shipment is sent by its own workflow run, so one shipment's failure is recorded on it and
 * never stops the others. (A new shipment is pushed at once by its subscriber; this catches
 * the ones that waited for a back-off or a reconnect.)
 */
export async function pushDueShipments(container: MedusaContainer, limit = 100): Promise<ShipmentSweepCounts> {
  return await container.resolve(Modules.LOCKING).execute(
    SHIPMENT_PUSH_LOCK_KEY,
    async () => {
      const counts: ShipmentSweepCounts = { sent: 0, pending: 0, failed: 0 }
      const { result: ids } = await listDueAliExpressShipmentsWorkflow(container).run({ input: { limit } })
      for (const id of ids) {
        const { result: row } = await sendAliExpressShipmentWorkflow(container).run({ input: { shipment_id: id } })
        counts[row.status as keyof ShipmentSweepCounts]++
      }
      return counts
    },
    { timeout: 5, expire: 10 * 60 }
  )
}
