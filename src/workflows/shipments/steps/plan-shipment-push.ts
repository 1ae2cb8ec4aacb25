import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { planShipmentPush, type ShipmentPlan } from "../../../lib/orders/shipment-plan"

export const planShipmentPushStepId = "plan-aliexpress-shipment-push"

/** Reads the fulfillment, its order and labels; null when it is not an AliExpress order or has no tracking number yet. */
export const planShipmentPushStep = createStep(
  planShipmentPushStepId,
  async (input: { fulfillment_id: string }, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "fulfillment",
      fields: [
        "id",
        "shipped_at",
        "canceled_at",
        "provider_id",
        "shipping_option_id",
        "metadata",
        "labels.tracking_number",
        "labels.tracking_url",
        "items.line_item_id",
        "items.quantity",
        "order.id",
        "order.metadata",
        "order.fulfillments.id",
        "order.fulfillments.shipped_at",
        "order.fulfillments.canceled_at",
        "order.fulfillments.labels.tracking_number",
        "order.fulfillments.items.line_item_id",
        "order.fulfillments.items.quantity",
      ],
      filters: { id: input.fulfillment_id },
    })
    const fulfillment = data[0]
    const aeOrderId = (fulfillment as any)?.order?.metadata?.aliexpress_order_id
    if (!aeOrderId) {
      return new StepResponse(null as ShipmentPlan | null)
    }
    // Line quantities do not come through the fulfillment -> order link: read the order itself.
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "items.*"],
      filters: { id: (fulfillment as any).order.id },
    })
    ;(fulfillment as any).order.items = orders[0]?.items ?? []
    // The shipment goes to the account the order came from.
    const [binding] = await service.listAliExpressOrders(
      { order_id: (fulfillment as any).order.id, ae_order_id: String(aeOrderId) },
      { take: 1 }
    )
    const account = binding ? await service.getAccount(binding.account_id).catch(() => null) : null
    if (!account) {
      return new StepResponse(null as ShipmentPlan | null)
    }
    return new StepResponse(planShipmentPush(fulfillment, account as any, binding ?? null))
  }
)
