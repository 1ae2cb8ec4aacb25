import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { sendShipment } from "../helpers/send-shipment"

export const sendShipmentsStepId = "send-aliexpress-shipments"

/** Pushes each row in turn; one row's failure is recorded on it and does not stop the others. */
export const sendShipmentsStep = createStep(sendShipmentsStepId, async (input: { ids: string[] }, { container }) => {
  const counts = { sent: 0, pending: 0, failed: 0 }
  for (const id of input.ids) {
    const row = await sendShipment(container, id)
    counts[row.status as keyof typeof counts]++
  }
  return new StepResponse(counts)
})
