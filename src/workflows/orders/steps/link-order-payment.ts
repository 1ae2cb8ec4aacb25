import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

export const linkOrderPaymentStepId = "link-aliexpress-order-payment"

/** Links the new order to its marketplace payment collection, as Medusa's payment flows do. */
export const linkOrderPaymentStep = createStep(
  linkOrderPaymentStepId,
  async (input: { order_id: string; payment_collection_id: string }, { container }) => {
    const definition = {
      [Modules.ORDER]: { order_id: input.order_id },
      [Modules.PAYMENT]: { payment_collection_id: input.payment_collection_id },
    }
    await container.resolve(ContainerRegistrationKeys.LINK).create(definition)
    return new StepResponse(undefined, definition)
  },
  async (definition, { container }) => {
    if (definition) {
      await container.resolve(ContainerRegistrationKeys.LINK).dismiss(definition)
    }
  }
)
