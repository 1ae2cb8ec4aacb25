import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"

export const completeOrderBindingStepId = "complete-aliexpress-order-binding"

/** Records the Medusa order on the binding; the claim is done. */
export const completeOrderBindingStep = createStep(
  completeOrderBindingStepId,
  async (input: { binding_id: string; order_id: string }, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const binding = await service.updateAliExpressOrders({
      id: input.binding_id,
      order_id: input.order_id,
      status: "imported",
      problems: null,
      last_error: null,
      imported_at: new Date(),
      next_attempt_at: null,
    })
    return new StepResponse(binding, input.binding_id)
  },
  async (bindingId, { container }) => {
    if (!bindingId) {
      return
    }
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    await service.updateAliExpressOrders({ id: bindingId, order_id: null, status: "importing", imported_at: null })
  }
)
