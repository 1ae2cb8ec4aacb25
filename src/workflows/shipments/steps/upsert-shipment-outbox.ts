import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { isUniqueViolation } from "../../../lib/orders/binding-fields"
import type { ShipmentPlan } from "../../../lib/orders/shipment-plan"

export const upsertShipmentOutboxStepId = "upsert-aliexpress-shipment-outbox"

/**
 * One outbox row per fulfillment (unique index): the second event for the same
 * fulfillment finds it. A changed tracking number or carrier puts the row back
 * to pending; the sender then modifies the shipment AliExpress already has.
 */
export const upsertShipmentOutboxStep = createStep(
  upsertShipmentOutboxStepId,
  async (plan: ShipmentPlan, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const find = async () =>
      (await service.listAliExpressShipments({ fulfillment_id: plan.fulfillment_id }, { take: 1 }))[0]
    let existing = await find()
    if (!existing) {
      try {
        const created = await service.createAliExpressShipments({
          account_id: plan.account_id,
          ae_order_id: plan.ae_order_id,
          order_id: plan.order_id,
          fulfillment_id: plan.fulfillment_id,
          binding_id: plan.binding_id,
          service_name: plan.service_name,
          tracking_number: plan.tracking_number,
          tracking_website: plan.tracking_website,
          send_type: plan.send_type,
          status: "pending",
        })
        return new StepResponse(created.id, { created_id: created.id })
      } catch (e) {
        if (!isUniqueViolation(e)) {
          throw e
        }
        existing = await find()
      }
    }
    const changed = existing.tracking_number !== plan.tracking_number || existing.service_name !== plan.service_name
    if (!changed) {
      return new StepResponse(existing.id, {})
    }
    await service.updateAliExpressShipments({
      id: existing.id,
      tracking_number: plan.tracking_number,
      service_name: plan.service_name,
      tracking_website: plan.tracking_website,
      status: "pending",
      attempts: 0,
      next_attempt_at: null,
    })
    return new StepResponse(existing.id, {
      restore: {
        id: existing.id,
        tracking_number: existing.tracking_number,
        service_name: existing.service_name,
        tracking_website: existing.tracking_website,
        status: existing.status,
        attempts: existing.attempts,
        next_attempt_at: existing.next_attempt_at,
      },
    })
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    if ("created_id" in compensation && compensation.created_id) {
      await service.deleteAliExpressShipments(compensation.created_id)
    }
    if ("restore" in compensation && compensation.restore) {
      await service.updateAliExpressShipments(compensation.restore as any)
    }
  }
)
