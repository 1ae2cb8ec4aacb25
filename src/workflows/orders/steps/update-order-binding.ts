import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"

export const updateOrderBindingStepId = "update-aliexpress-order-binding"

/** Updates one order binding; compensation puts the changed columns back. */
export const updateOrderBindingStep = createStep(
  updateOrderBindingStepId,
  async (input: { id: string } & Record<string, unknown>, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const previous = (await service.retrieveAliExpressOrder(input.id)) as Record<string, unknown>
    const updated = await service.updateAliExpressOrders(input as any)
    const restore: Record<string, unknown> = { id: input.id }
    for (const key of Object.keys(input)) {
      restore[key] = previous[key]
    }
    return new StepResponse(updated, restore)
  },
  async (restore, { container }) => {
    if (!restore) {
      return
    }
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    await service.updateAliExpressOrders(restore as any)
  }
)
