import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PaymentEvents } from "@medusajs/framework/utils"
import {
  createCustomersWorkflow,
  createOrdersStep,
  emitEventStep,
  reserveInventoryStep,
  updateOrderTaxLinesWorkflow,
} from "@medusajs/core-flows"
import type { AeOrderSnapshot, MatchedLine } from "../../../lib/orders/types"
import { ORDER_HELD_EVENT, ORDER_IMPORTED_EVENT } from "../../../lib/orders/constants"
import { planMedusaOrder, plannedOrderTotal, type ImportContext } from "../../../lib/orders/plan-order"
import { reservationOrderOf, toReservationItems } from "../../../lib/orders/reservations"
import { matchOrderLinesStep } from "../steps/match-order-lines"
import { claimOrderBindingStep } from "../steps/claim-order-binding"
import { findExistingMedusaOrderStep } from "../steps/find-existing-medusa-order"
import { readAdoptedOrderLinesStep } from "../steps/read-adopted-order-lines"
import { findBuyerCustomerStep } from "../steps/find-buyer-customer"
import { completeOrderBindingStep } from "../steps/complete-order-binding"
import { linkOrderBindingStep } from "../steps/link-order-binding"
import { recordMarketplacePaymentStep } from "../steps/record-marketplace-payment"
import { linkOrderPaymentStep } from "../steps/link-order-payment"

export const importAliExpressOrderWorkflowId = "import-aliexpress-order"

export type ImportAliExpressOrderInput = {
  /** The order as the run read it from AliExpress (the detail is the truth, a push only a hint). */
  snapshot: AeOrderSnapshot
  /** Resolved once per run and currency: where orders go does not change within a run. */
  context: ImportContext
}

export type ImportAliExpressOrderResult = {
  /** the account the order came from */
  account_id: string
  ae_order_id: string
  binding_id: string
  outcome: "imported" | "held" | "skipped"
  order_id: string | null
  /** The order's variants and products, so listeners need not read the order again. */
  variant_ids: string[]
  product_ids: string[]
}

/**
 * One AliExpress order becomes one Medusa order through Medusa's own steps:
 * claim (unique), customer, the order with AliExpress' prices and its tax lines,
 * stock reserved, the marketplace's capture recorded as a paid system payment.
 * An order with unknown SKUs is held with its problems instead.
 *
 * Not createOrderWorkflow: it looks up again the channel, region and customer this run
 * already resolved, re-reads the variants, and applies the store's automatic promotions,
 * which would lower an order the buyer already paid in full on AliExpress. Its steps
 * that matter here (the order, its tax lines) are the ones below; the stock check is
 * the reservation's own.
 */
export const importAliExpressOrderWorkflow = createWorkflow(
  importAliExpressOrderWorkflowId,
  (input: ImportAliExpressOrderInput) => {
    const { snapshot, context } = input
    const matches = matchOrderLinesStep({ snapshot })
    const plan = transform({ snapshot, matches, context }, ({ snapshot, matches, context }) =>
      planMedusaOrder(snapshot, matches, context)
    )
    const claim = claimOrderBindingStep(
      transform({ context, snapshot, plan }, ({ context, snapshot, plan }) => ({
        account_id: context.account_id,
        snapshot,
        problems: plan.problems,
      }))
    )
    const adopted = findExistingMedusaOrderStep(
      transform({ claim, snapshot, context }, ({ claim, snapshot, context }) => ({
        resumed: claim.resumed,
        ae_order_id: snapshot.ae_order_id,
        sales_channel_id: context.sales_channel_id,
      }))
    )

    // One Medusa customer per AliExpress buyer, created with the buyer's name (an order names only
    // an email). Medusa's workflows cannot nest a condition, hence this one beside the order's.
    const existingCustomerId = findBuyerCustomerStep(transform({ plan }, ({ plan }) => ({ email: plan.customer.email })))
    const newCustomers = when(
      "create-aliexpress-buyer-customer",
      { claim, adopted, existingCustomerId },
      ({ claim, adopted, existingCustomerId }) => !claim.held && !claim.skipped && !adopted && !existingCustomerId
    ).then(() =>
      createCustomersWorkflow.runAsStep({
        input: transform({ plan }, ({ plan }) => ({
          customersData: [
            {
              email: plan.customer.email,
              first_name: plan.customer.first_name || null,
              last_name: plan.customer.last_name || null,
              phone: plan.customer.phone,
              metadata: plan.customer.metadata,
            },
          ],
        })),
      })
    )

    const created = when("create-medusa-order-for-aliexpress", { claim, adopted }, ({ claim, adopted }) => {
      return !claim.held && !claim.skipped && !adopted
    }).then(() => {
      const customerId = transform(
        { existingCustomerId, newCustomers },
        ({ existingCustomerId, newCustomers }) => (existingCustomerId ?? (newCustomers as any)?.[0]?.id) as string
      )
      // The marketplace's capture first, so the order is created with its capture transaction.
      // (This branch runs only for a plan with an order: not held.)
      const paid = transform({ plan }, ({ plan }) => ({ amount: plannedOrderTotal(plan.order as any), currency_code: plan.order!.currency_code as string }))
      const payment = recordMarketplacePaymentStep(paid)
      const createdOrders = createOrdersStep(
        transform({ plan, customerId, paid, payment }, ({ plan, customerId, paid, payment }) => [
          {
            ...(plan.order as any),
            customer_id: customerId,
            transactions: [{ ...paid, reference: "capture", reference_id: payment.capture_id }],
          },
        ])
      )
      const order = transform({ createdOrders }, ({ createdOrders }) => createdOrders[0])
      updateOrderTaxLinesWorkflow.runAsStep({ input: transform({ order }, ({ order }) => ({ order_id: order.id })) })
      // The new order is not read back: its lines come with it, the match read their stock, and
      // the plan knows what the buyer paid.
      reserveInventoryStep(
        transform({ order, matches, context }, ({ order, matches, context }) => ({
          items: toReservationItems(reservationOrderOf(order as any, matches as MatchedLine[]), context.location_ids),
        }))
      )
      linkOrderPaymentStep(
        transform({ order, payment }, ({ order, payment }) => ({ order_id: order.id, payment_collection_id: payment.payment_collection_id }))
      )
      emitEventStep({
        eventName: PaymentEvents.CAPTURED,
        data: transform({ payment }, ({ payment }) => ({ id: payment.payment_id })),
      }).config({ name: "emit-aliexpress-payment-captured" })
      return order
    })

    // A run that died between creating the order and reserving its stock left an order with no
    // reservation: the run that adopts it reserves the stock (once: only when none exists).
    const adoptedLines = readAdoptedOrderLinesStep(transform({ adopted, claim }, ({ adopted, claim }) => ({ order_id: claim.skipped ? null : adopted })))
    when("reserve-stock-of-adopted-aliexpress-order", { adoptedLines }, ({ adoptedLines }) => !adoptedLines.reserved).then(() => {
      reserveInventoryStep(
        transform({ adoptedLines, matches, context }, ({ adoptedLines, matches, context }) => ({
          items: toReservationItems(reservationOrderOf({ items: adoptedLines.items }, matches as MatchedLine[]), context.location_ids),
        }))
      ).config({ name: "reserve-adopted-aliexpress-order-stock" })
    })

    const orderId = transform({ created, adopted }, ({ created, adopted }) => (created?.id ?? adopted ?? null) as string | null)

    when("complete-aliexpress-order-binding", { orderId, claim }, ({ orderId, claim }) => !!orderId && !claim.skipped).then(() => {
      linkOrderBindingStep(
        transform({ claim, orderId }, ({ claim, orderId }) => ({
          binding_id: claim.binding_id,
          order_id: orderId as string,
          resumed: claim.resumed,
        }))
      )
      completeOrderBindingStep(transform({ claim, orderId }, ({ claim, orderId }) => ({ binding_id: claim.binding_id, order_id: orderId as string })))
    })

    const result = transform({ claim, orderId, snapshot, matches, context }, ({ claim, orderId, snapshot, matches, context }): ImportAliExpressOrderResult => ({
      account_id: context.account_id,
      ae_order_id: snapshot.ae_order_id,
      binding_id: claim.binding_id,
      outcome: claim.skipped ? "skipped" : claim.held ? "held" : "imported",
      order_id: orderId,
      variant_ids: (matches as MatchedLine[]).map((m) => m.variant_id),
      product_ids: [...new Set((matches as MatchedLine[]).map((m) => m.product_id).filter(Boolean))],
    }))
    when("emit-aliexpress-order-outcome", { result }, ({ result }) => result.outcome !== "skipped").then(() => {
      emitEventStep({
        eventName: transform({ result }, ({ result }) => (result.outcome === "held" ? ORDER_HELD_EVENT : ORDER_IMPORTED_EVENT)),
        data: result,
      })
    })
    return new WorkflowResponse(result)
  }
)
