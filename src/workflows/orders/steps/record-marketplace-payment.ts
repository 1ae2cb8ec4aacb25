import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CreatePaymentCollectionDTO } from "@medusajs/framework/types"
import { generateEntityId, Modules } from "@medusajs/framework/utils"

export const recordMarketplacePaymentStepId = "record-aliexpress-marketplace-payment"

/** Medusa's system provider: the money was taken by AliExpress, nothing is charged here. */
const SYSTEM_PAYMENT_PROVIDER_ID = "pp_system_default"

export type RecordMarketplacePaymentInput = { amount: number; currency_code: string }

export type MarketplacePayment = { payment_collection_id: string; payment_id: string; capture_id: string }

/**
 * What createOrderPaymentCollectionWorkflow followed by markPaymentCollectionAsPaid leave
 * behind with Medusa's system provider (a completed collection, an authorized session, a
 * captured payment with its capture), written as those rows in one payment-module call,
 * before the order: the order is then created with its capture transaction, and linked to
 * the collection after. Walking there through the module's session, authorize and capture
 * calls (each its own transaction, each re-reading the collection, its sessions, payments,
 * captures and refunds) took 40 % of an import's CPU, for a state known in advance: the
 * system provider does nothing at any of those calls.
 */
export const recordMarketplacePaymentStep = createStep(
  recordMarketplacePaymentStepId,
  async (input: RecordMarketplacePaymentInput, { container }) => {
    // Made up front so the payment can name its session and the order transaction its capture.
    const ids = {
      session: generateEntityId(undefined, "payses"),
      payment: generateEntityId(undefined, "pay"),
      capture: generateEntityId(undefined, "capt"),
    }
    const [collection] = await container.resolve(Modules.PAYMENT).createPaymentCollections([capturedCollection(input, ids, new Date())])
    const payment: MarketplacePayment = { payment_collection_id: collection.id, payment_id: ids.payment, capture_id: ids.capture }
    return new StepResponse(payment, collection.id)
  },
  async (collectionId, { container }) => {
    if (collectionId) {
      // The session, payment and capture go with it (the collection's delete cascades).
      await container.resolve(Modules.PAYMENT).deletePaymentCollections([collectionId])
    }
  }
)

type TrailIds = { session: string; payment: string; capture: string }

/**
 * The collection with its authorized session and captured payment nested, as the module's
 * own bookkeeping leaves them once a capture covers the amount (status, amounts, dates).
 * The module writes nested records of its own models in the same transaction.
 */
function capturedCollection(input: RecordMarketplacePaymentInput, ids: TrailIds, now: Date): CreatePaymentCollectionDTO {
  const money = { currency_code: input.currency_code.toLowerCase(), amount: input.amount }
  const provider = { provider_id: SYSTEM_PAYMENT_PROVIDER_ID, data: {} }
  return {
    ...money,
    status: "completed",
    authorized_amount: input.amount,
    captured_amount: input.amount,
    refunded_amount: 0,
    completed_at: now,
    payment_sessions: [{ id: ids.session, ...money, ...provider, context: {}, status: "authorized", authorized_at: now }],
    payments: [{ id: ids.payment, ...money, ...provider, payment_session: ids.session, captured_at: now, captures: [{ id: ids.capture, amount: input.amount }] }],
  } as CreatePaymentCollectionDTO
}
