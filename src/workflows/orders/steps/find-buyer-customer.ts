import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"

export const findBuyerCustomerStepId = "find-aliexpress-buyer-customer"

/** The Medusa customer of an AliExpress buyer, by the buyer's stable email; null the first time. A read. */
export const findBuyerCustomerStep = createStep(findBuyerCustomerStepId, async (input: { email: string }, { container }) => {
  const [existing] = await container.resolve(Modules.CUSTOMER).listCustomers({ email: input.email }, { take: 1, select: ["id"] })
  return new StepResponse(existing?.id ?? null)
})
