import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"

export const listDueShipmentsStepId = "list-due-aliexpress-shipments"

/** Pending outbox rows whose backoff has passed, oldest first. */
export const listDueShipmentsStep = createStep(listDueShipmentsStepId, async (input: { account_id: string; limit?: number }, { container }) => {
  const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
  const now = new Date()
  const rows = await service.listAliExpressShipments(
    { account_id: input.account_id, status: "pending", $or: [{ next_attempt_at: null }, { next_attempt_at: { $lte: now } }] } as any,
    { take: input.limit ?? 100, order: { created_at: "ASC" } }
  )
  return new StepResponse(rows.map((r) => r.id))
})
