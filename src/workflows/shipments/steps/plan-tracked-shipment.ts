import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"

export const planTrackedShipmentStepId = "plan-aliexpress-tracked-shipment"

/** The Medusa order of an AliExpress order id and its items not yet fulfilled: what one uploaded tracking line ships. */
export const planTrackedShipmentStep = createStep(
  planTrackedShipmentStepId,
  async (input: { account_id: string; ae_order_id: string }, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const [binding] = await service.listAliExpressOrders({ account_id: input.account_id, ae_order_id: input.ae_order_id }, { take: 1 })
    if (!binding?.order_id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `AliExpress order ${input.ae_order_id} has not been imported`)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "status", "items.*", "items.detail.*"],
      filters: { id: binding.order_id },
    })
    const order = data[0] as any
    if (!order || order.status === "canceled") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `The order of AliExpress order ${input.ae_order_id} is canceled`)
    }
    const items = (order.items ?? [])
      .map((item: any) => ({
        id: item.id as string,
        quantity: Number(item.quantity) - Number(item.detail?.fulfilled_quantity ?? 0),
      }))
      .filter((item: { quantity: number }) => item.quantity > 0)
    if (!items.length) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `AliExpress order ${input.ae_order_id} is already fulfilled`)
    }
    return new StepResponse({ order_id: order.id as string, items: items as Array<{ id: string; quantity: number }> })
  }
)
