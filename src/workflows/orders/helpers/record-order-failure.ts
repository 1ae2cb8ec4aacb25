import type AliExpressModuleService from "../../../modules/aliexpress/service"

/** A failed order keeps (or gets) a binding marked failed, so the next runs retry it. */
export async function recordOrderFailure(service: AliExpressModuleService, accountId: string, aeOrderId: string, message: string) {
  const [existing] = await service.listAliExpressOrders({ account_id: accountId, ae_order_id: aeOrderId }, { take: 1 })
  if (existing) {
    if (existing.status === "imported" || existing.status === "canceled") {
      return
    }
    await service.updateAliExpressOrders({
      id: existing.id,
      status: "failed",
      last_error: message,
      last_attempt_at: new Date(),
    })
    return
  }
  await service.createAliExpressOrders({
    account_id: accountId,
    ae_order_id: aeOrderId,
    status: "failed",
    last_error: message,
    attempts: 1,
    last_attempt_at: new Date(),
  })
}
