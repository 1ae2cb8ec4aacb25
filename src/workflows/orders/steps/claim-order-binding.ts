import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { STALE_CLAIM_MS } from "../../../lib/orders/constants"
import { orderRetryAt } from "../../../lib/orders/backoff"
import { bindingFieldsFromSnapshot, isUniqueViolation } from "../../../lib/orders/binding-fields"
import type { AeOrderSnapshot, OrderProblem } from "../../../lib/orders/types"

export const claimOrderBindingStepId = "claim-aliexpress-order-binding"

export type ClaimOrderBindingInput = { account_id: string; snapshot: AeOrderSnapshot; problems: OrderProblem[] }
export type ClaimOrderBindingOutput = {
  binding_id: string
  held: boolean
  /** Already imported or canceled: nothing to create. */
  skipped: boolean
  /**
   * Taken over from an earlier attempt: a Medusa order may already exist. A run that died while
   * importing leaves the claim `importing`, but a later run's failure on that order may have
   * marked it `failed` (or a change of its SKUs `held`) before the claim went stale, so every
   * takeover looks for the order, not only one from `importing`.
   */
  resumed: boolean
  claimed_at: string
}

const alreadyClaimed = (aeOrderId: string) =>
  new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `AliExpress order ${aeOrderId} is being imported by another run`)

/**
 * Claims the AliExpress order before anything is created in Medusa. The unique
 * (account_id, ae_order_id) index decides between two importers of a new order;
 * taking over a held, failed or abandoned claim is a compare-and-set on
 * `attempts`, so only one of two concurrent retries wins. An order with problems
 * is stored `held` with them and goes no further.
 */
export const claimOrderBindingStep = createStep(
  claimOrderBindingStepId,
  async (input: ClaimOrderBindingInput, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const { snapshot, problems } = input
    const held = problems.length > 0
    const status = held ? "held" : "importing"
    const now = new Date()
    const fields = bindingFieldsFromSnapshot(snapshot, now.getTime())
    // A held order is looked at again after its back-off; a claim counts as abandoned once stale.
    const nextAttemptAt = (attempts: number) =>
      held ? orderRetryAt(attempts, now.getTime()) : new Date(now.getTime() + STALE_CLAIM_MS)

    // Most orders are new: insert first, and read the binding only when the index says it exists.
    try {
      const created = await service.createAliExpressOrders({
        account_id: input.account_id,
        ae_order_id: snapshot.ae_order_id,
        ...fields,
        status,
        problems: held ? problems : null,
        attempts: 1,
        last_attempt_at: now,
        next_attempt_at: nextAttemptAt(1),
      } as any)
      const output: ClaimOrderBindingOutput = {
        binding_id: created.id,
        held,
        skipped: false,
        resumed: false,
        claimed_at: now.toISOString(),
      }
      return new StepResponse(output, { created_id: created.id })
    } catch (e) {
      if (!isUniqueViolation(e)) {
        throw e
      }
    }
    const [existing] = await service.listAliExpressOrders(
      { account_id: input.account_id, ae_order_id: snapshot.ae_order_id },
      { take: 1 }
    )
    if (!existing) {
      // Inserted and removed again (a compensated concurrent import) between the two reads.
      throw alreadyClaimed(snapshot.ae_order_id)
    }

    if (existing.status === "imported" || existing.status === "canceled") {
      const output: ClaimOrderBindingOutput = {
        binding_id: existing.id,
        held: false,
        skipped: true,
        resumed: false,
        claimed_at: now.toISOString(),
      }
      return new StepResponse(output, {})
    }
    const lastTouched = new Date(existing.updated_at as any).getTime()
    if (existing.status === "importing" && now.getTime() - lastTouched < STALE_CLAIM_MS) {
      throw alreadyClaimed(snapshot.ae_order_id)
    }

    const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const taken = await knex("aliexpress_order")
      .where({ id: existing.id, status: existing.status, attempts: existing.attempts })
      .update({
        ...fields,
        ship_by: fields.ship_by ?? existing.ship_by ?? null,
        status,
        problems: held ? JSON.stringify(problems) : null,
        attempts: existing.attempts + 1,
        last_attempt_at: now,
        next_attempt_at: nextAttemptAt(existing.attempts + 1),
        updated_at: now,
      })
      .returning("id")
    if (!taken.length) {
      throw alreadyClaimed(snapshot.ae_order_id)
    }
    const output: ClaimOrderBindingOutput = {
      binding_id: existing.id,
      held,
      skipped: false,
      resumed: true,
      claimed_at: now.toISOString(),
    }
    return new StepResponse(output, {
      restore: {
        id: existing.id,
        status: existing.status,
        problems: existing.problems,
        last_error: existing.last_error,
        next_attempt_at: existing.next_attempt_at,
      },
    })
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    if ("created_id" in compensation && compensation.created_id) {
      await service.deleteAliExpressOrders(compensation.created_id)
    }
    if ("restore" in compensation && compensation.restore) {
      await service.updateAliExpressOrders(compensation.restore as any)
    }
  }
)
