import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"

export const linkOrderBindingStepId = "link-aliexpress-order-binding"

/**
 * Links the binding to its Medusa order unless the link is already there: a run killed
 * between the link and the binding's completion leaves it behind, and the run that resumes
 * the claim must not fail on it ("Cannot create multiple links").
 */
export const linkOrderBindingStep = createStep(
  linkOrderBindingStepId,
  async (input: { binding_id: string; order_id: string }, { container }) => {
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const definition = {
      [ALIEXPRESS_MODULE]: { aliexpress_order_id: input.binding_id },
      [Modules.ORDER]: { order_id: input.order_id },
    }
    const existing = await link.list(definition)
    if ((existing as unknown[]).length) {
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
