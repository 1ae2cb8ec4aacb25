import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"

export const prepareShipmentRetryStepId = "prepare-aliexpress-shipment-retry"

export type ShipmentRetryInput = { id: string; tracking_number?: string; service_name?: string }

/** Puts a failed (or waiting) row back to pending now, with the merchant's corrected tracking number or carrier. */
export const prepareShipmentRetryStep = createStep(
  prepareShipmentRetryStepId,
  async (input: ShipmentRetryInput, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const row = await service.retrieveAliExpressShipment(input.id)
    const changes = {
      tracking_number: input.tracking_number ?? row.tracking_number,
      service_name: input.service_name ?? row.service_name,
    }
    const changed = changes.tracking_number !== row.tracking_number || changes.service_name !== row.service_name
    if (row.status === "sent" && !changed) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This shipment was already sent to AliExpress; give a new tracking number to change it")
    }
    await service.updateAliExpressShipments({
      id: row.id,
      ...changes,
      status: "pending",
      attempts: 0,
      next_attempt_at: null,
    })
    return new StepResponse(row.id, {
      id: row.id,
      tracking_number: row.tracking_number,
      service_name: row.service_name,
      status: row.status,
      attempts: row.attempts,
      next_attempt_at: row.next_attempt_at,
    })
  },
  async (restore, { container }) => {
    if (!restore) {
      return
    }
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    await service.updateAliExpressShipments(restore as any)
  }
)
