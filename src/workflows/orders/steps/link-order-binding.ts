import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"

export const linkOrderBindingStepId = "link-aliexpress-order-binding"

/**
 * Links the binding to its Medusa order. A run killed between the link and the binding's
 * completion leaves the link behind, and the run that resumes the claim must not fail on it
 * ("Cannot create multiple links"); only such a resumed claim looks for it first.
 */
export const linkOrderBindingStep = createStep(
  linkOrderBindingStepId,
  async (input: { binding_id: string; order_id: string; resumed: boolean }, { container }) => {
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const definition = {
      [ALIEXPRESS_MODULE]: { aliexpress_order_id: input.binding_id },
      [Modules.ORDER]: { order_id: input.order_id },
    }
    if (input.resumed && ((await link.list(definition)) as unknown[]).length) {
      return new StepResponse(false, null)
    }
    await link.create(definition)
    return new StepResponse(true, definition)
  },
  async (created, { container }) => {
    if (!created) {
      return
    }
    await container.resolve(ContainerRegistrationKeys.LINK).dismiss(created)
  }
)
