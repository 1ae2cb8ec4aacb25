import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"

export const recordMarketplacePaymentStepId = "record-aliexpress-marketplace-payment"

/** Medusa's system provider: the money was taken by AliExpress, nothing is charged here. */
const SYSTEM_PAYMENT_PROVIDER_ID = "pp_system_default"

export type RecordMarketplacePaymentInput = { order_id: string; amount: number; currency_code: string }

type Compensation = { payment_collection_id: string; order_id: string; transaction_id: string | null }

/**
 * What createOrderPaymentCollectionWorkflow followed by markPaymentCollectionAsPaid leave
 * behind (a linked collection, an authorized and captured system payment, the order's
 * capture transaction), written straight through the modules. Those
 * two flows re-read the order and the collection and run three nested workflows: half
 * of an import's time for a collection this step has just made and knows to be unpaid.
 */
export const recordMarketplacePaymentStep = createStep(
  recordMarketplacePaymentStepId,
  async (input: RecordMarketplacePaymentInput, { container }) => {
    const payments = container.resolve(Modules.PAYMENT)
    const [collection] = await payments.createPaymentCollections([{ currency_code: input.currency_code, amount: input.amount }])
    const compensation: Compensation = { payment_collection_id: collection.id, order_id: input.order_id, transaction_id: null }
    try {
      const paymentId = await linkAndCapture(container, input, compensation)
      return new StepResponse({ payment_collection_id: collection.id, payment_id: paymentId }, compensation)
    } catch (error) {
      // A step that throws is not compensated: undo the half-made trail here, then fail.
      await removePaymentTrail(container, compensation).catch(() => undefined)
      throw error
    }
  },
  (compensation, { container }) => (compensation ? removePaymentTrail(container, compensation) : undefined)
)

async function linkAndCapture(container: MedusaContainer, input: RecordMarketplacePaymentInput, compensation: Compensation): Promise<string> {
  const payments = container.resolve(Modules.PAYMENT)
  await container.resolve(ContainerRegistrationKeys.LINK).create({
    [Modules.ORDER]: { order_id: input.order_id },
    [Modules.PAYMENT]: { payment_collection_id: compensation.payment_collection_id },
  })
  const session = await payments.createPaymentSession(compensation.payment_collection_id, {
    provider_id: SYSTEM_PAYMENT_PROVIDER_ID,
    currency_code: input.currency_code,
    amount: input.amount,
    data: {},
    context: {},
  })
  const payment = await payments.authorizePaymentSession(session.id, {})
  if (!payment) {
    throw new MedusaError(MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR, "The system payment provider did not authorize the marketplace payment")
  }
  const captured = await payments.capturePayment({ payment_id: payment.id, amount: input.amount })
  const capture = captured.captures?.[captured.captures.length - 1]
  if (capture) {
    const [transaction] = await container.resolve(Modules.ORDER).addOrderTransactions([
      { order_id: input.order_id, amount: input.amount, currency_code: input.currency_code, reference: "capture", reference_id: capture.id },
    ])
    compensation.transaction_id = transaction.id
  }
  return payment.id
}

/** The order itself is removed by createOrdersStep's own compensation; its money trail goes here. */
async function removePaymentTrail(container: MedusaContainer, compensation: Compensation): Promise<void> {
  if (compensation.transaction_id) {
    await container.resolve(Modules.ORDER).deleteOrderTransactions([compensation.transaction_id])
  }
  await container.resolve(ContainerRegistrationKeys.LINK).dismiss({
    [Modules.ORDER]: { order_id: compensation.order_id },
    [Modules.PAYMENT]: { payment_collection_id: compensation.payment_collection_id },
  })
  await container.resolve(Modules.PAYMENT).deletePaymentCollections([compensation.payment_collection_id])
}
