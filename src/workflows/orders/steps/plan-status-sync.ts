import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { isCanceledOnAliExpress } from "../../../lib/orders/ae-status"

export const planStatusSyncStepId = "plan-aliexpress-order-status-sync"

export type StatusSyncInput = {
  binding_id: string
  ae_status: string | null
  end_reason?: string | null
  timeout_left_ms?: number | null
}

export type StatusSyncPlan = {
  binding_update: Record<string, unknown> & { id: string }
  order_id: string | null
  order_metadata: Record<string, unknown> | null
  cancel_order: boolean
}

/**
 * Decides what an AliExpress status change means here. A cancellation cancels
 * the Medusa order unless something was already fulfilled (then the merchant
 * must step in, and the binding says so); other changes are recorded on the
 * binding and the order metadata.
 */
export const planStatusSyncStep = createStep(
  planStatusSyncStepId,
  async (input: StatusSyncInput, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const binding = await service.retrieveAliExpressOrder(input.binding_id)
    const canceled = isCanceledOnAliExpress(input.ae_status, input.end_reason)
    const update: StatusSyncPlan["binding_update"] = {
      id: binding.id,
      ae_status: input.ae_status,
      ae_end_reason: input.end_reason ?? binding.ae_end_reason ?? null,
    }
    if (input.timeout_left_ms) {
      update.ship_by = new Date(Date.now() + input.timeout_left_ms)
    }

    if (!binding.order_id) {
      if (canceled) {
        update.status = "canceled"
        update.problems = null
      }
      return new StepResponse<StatusSyncPlan>({ binding_update: update, order_id: null, order_metadata: null, cancel_order: false })
    }

    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "status", "metadata", "fulfillments.id", "fulfillments.canceled_at"],
      filters: { id: binding.order_id },
    })
    const order = data[0] as any
    const metadata = { ...(order?.metadata ?? {}), aliexpress_status: input.ae_status }
    let cancel = false
    if (canceled && order && order.status !== "canceled") {
      const open = (order.fulfillments ?? []).filter((f: any) => f && !f.canceled_at)
      if (open.length) {
        update.problems = [
          {
            field: "status",
            message: "AliExpress canceled this order, but it already has fulfillments",
            hint: "Cancel the fulfillments, then cancel the order in Medusa",
            origin: "marketplace",
          },
        ]
      } else {
        cancel = true
        update.status = "canceled"
      }
    } else if (canceled) {
      update.status = "canceled"
    }
    return new StepResponse<StatusSyncPlan>({
      binding_update: update,
      order_id: order?.id ?? null,
      order_metadata: order ? metadata : null,
      cancel_order: cancel,
    })
  }
)
