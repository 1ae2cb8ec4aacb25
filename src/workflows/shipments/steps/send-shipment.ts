import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { sendShipment } from "../helpers/send-shipment"

export const sendShipmentStepId = "send-aliexpress-shipment"

/** Pushes the outbox row now; its outcome (sent, retry later, failed) is stored on the row, never thrown. */
export const sendShipmentStep = createStep(sendShipmentStepId, async (input: { shipment_id: string }, { container }) => {
  return new StepResponse(await sendShipment(container, input.shipment_id))
})
