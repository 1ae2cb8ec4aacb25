import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { createCustomersWorkflow } from "@medusajs/core-flows"

export const ensureBuyerCustomerStepId = "ensure-aliexpress-buyer-customer"

export type BuyerCustomerInput = {
  email: string
  first_name: string
  last_name: string
  phone: string | null
  metadata: Record<string, unknown>
}

/**
 * One Medusa customer per AliExpress buyer login (through its stable email),
 * created with the buyer's name (an order names only the buyer's email).
 */
export const ensureBuyerCustomerStep = createStep(
  ensureBuyerCustomerStepId,
  async (input: BuyerCustomerInput, { container }) => {
    const customers = container.resolve(Modules.CUSTOMER)
    const [existing] = await customers.listCustomers({ email: input.email }, { take: 1 })
    if (existing) {
      return new StepResponse(existing.id, null as string | null)
    }
    try {
      const { result } = await createCustomersWorkflow(container).run({
        input: {
          customersData: [
            {
              email: input.email,
              first_name: input.first_name || null,
              last_name: input.last_name || null,
              phone: input.phone,
              metadata: input.metadata,
            },
          ],
        },
      })
      return new StepResponse(result[0].id, result[0].id)
    } catch (e) {
      // Two orders of one buyer imported at once: the other import created the
      // customer first, and the unique email says so. Use that customer.
      const [created] = await customers.listCustomers({ email: input.email }, { take: 1 })
      if (created) {
        return new StepResponse(created.id, null as string | null)
      }
      throw e
    }
  },
  async (createdId, { container }) => {
    if (!createdId) {
      return
    }
    await container.resolve(Modules.CUSTOMER).deleteCustomers(createdId)
  }
)
