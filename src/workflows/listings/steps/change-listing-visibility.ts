import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { chunk } from "../../../lib/listings/pool"
import type { PlannedListing } from "../../../lib/listings/plan"
import { classifyFailure, describeError } from "../../../lib/listings/problems"
import { identityFields } from "../../../lib/listings/results"

export const changeListingVisibilityStepId = "change-aliexpress-listing-visibility"

const BATCH = 20

/**
 * Takes products offline on AliExpress when they leave the channel (or are deleted) and back
 * online when they return. Each outcome is stored as AliExpress answers; the only later step
 * (prices and stock) does not throw, so there is nothing to undo.
 */
export const changeListingVisibilityStep = createStep(
  changeListingVisibilityStepId,
  async (input: { account_id: string; plans: PlannedListing[]; failed: string[] }, { container }) => {
    const failed = new Set(input.failed)
    const offline = input.plans.filter((p) => p.action === "offline" && p.ae_product_id)
    const online = input.plans.filter((p) => p.online && p.ae_product_id && !failed.has(p.listing_id))
    const done = { offline: [] as string[], online: [] as string[] }
    if (!offline.length && !online.length) {
      return new StepResponse(done)
    }
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const { client, account } = await service.requireConnectedAccount(input.account_id)
    const now = new Date()
    const rows: Array<{ id: string } & Record<string, unknown>> = []
    for (const [kind, plans] of [["offline", offline], ["online", online]] as const) {
      for (const group of chunk(plans, BATCH)) {
        const ids = group.map((p) => p.ae_product_id!)
        try {
          const result = await (kind === "offline" ? client.offlineProducts(ids) : client.onlineProducts(ids))
          const refused = new Map<string, string>()
          for (const e of result.errors ?? []) {
            for (const id of e.productIds) refused.set(id, `${e.code ?? ""} ${e.message ?? ""}`.trim())
          }
          for (const plan of group) {
            const why = refused.get(plan.ae_product_id!)
            if (why) {
              rows.push({ id: plan.listing_id, last_error: `AliExpress did not set it ${kind}: ${why}`, last_synced_at: now })
              continue
            }
            done[kind].push(plan.ae_product_id!)
            rows.push({
              id: plan.listing_id,
              ...(plan.title ? identityFields(plan) : {}),
              status: kind === "offline" ? "offline" : "live",
              ae_status: kind === "offline" ? "offline" : "onSelling",
              last_error: null,
              last_synced_at: now,
            })
          }
        } catch (error) {
          if (classifyFailure(error) === "auth") {
            await service.saveListings(rows)
            await service.markReconnectNeeded(account.id, describeError(error))
            throw error
          }
          for (const plan of group) {
            rows.push({
              id: plan.listing_id,
              status: "error",
              last_error: `Setting it ${kind} failed: ${describeError(error)}`,
              last_synced_at: now,
            })
          }
        }
      }
    }
    await service.saveListings(rows)
    return new StepResponse(done)
  }
)
