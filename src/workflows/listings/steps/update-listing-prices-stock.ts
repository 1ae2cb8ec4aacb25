import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { chunk } from "../../../lib/listings/pool"
import { PRICE_STOCK_BATCH, toInventoryUpdates, toPriceUpdates } from "../../../lib/mapping"
import type { PlannedListing } from "../../../lib/listings/plan"
import { classifyFailure, describeError, marketplaceProblem } from "../../../lib/listings/problems"
import { identityFields } from "../../../lib/listings/results"
import { retryDelayMs } from "../../../lib/listings/config"
import { listingStatusFromAe } from "../../../lib/listings/status"

export const updateListingPricesStockStepId = "update-aliexpress-listing-prices-stock"

type Kind = "price" | "stock"

/**
 * Sends changed prices and changed stock in batch calls of 20 products, and stores the new
 * hashes of what AliExpress accepted. Never throws for AliExpress answers: each product's
 * outcome (accepted, refused as a problem, or an error to retry) is stored instead.
 */
export const updateListingPricesStockStep = createStep(
  updateListingPricesStockStepId,
  async (input: { plans: PlannedListing[]; failed: string[] }, { container }) => {
    const failed = new Set(input.failed)
    const candidates = input.plans.filter((p) => p.action === "update" && p.ae_product_id && !failed.has(p.listing_id))
    const counts = { price: 0, stock: 0 }
    if (!candidates.length) {
      return new StepResponse(counts)
    }
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const { client, account } = await service.requireConnectedAccount()
    const rows = await service.listAliExpressListings({ id: candidates.map((p) => p.listing_id) }, { select: ["id", "ae_status", "status", "attempts"], take: candidates.length })
    const aeStatus = new Map(rows.map((r) => [r.id, r]))
    const now = new Date()
    const authFailed = { value: false }

    const send = async (kind: Kind, group: PlannedListing[]) => {
      const listed = group.map((p) => ({ productId: p.ae_product_id!, skus: p.payload!.sku_info_list }))
      try {
        const result =
          kind === "price" ? await client.updatePrices(toPriceUpdates(listed)) : await client.updateInventory(toInventoryUpdates(listed))
        counts[kind] += 1
        const refused = new Map(result.failed.map((f) => [f.productId, f]))
        for (const plan of group) {
          const f = refused.get(plan.ae_product_id!)
          if (f) {
            const problem = marketplaceProblem({ code: f.code, message: f.message ?? "update refused" })
            await service.saveListing({ id: plan.listing_id, problems: [problem], problem_count: 1, last_error: problem.message, last_synced_at: now })
            continue
          }
          const row = aeStatus.get(plan.listing_id)
          await service.saveListing({
            id: plan.listing_id,
            ...identityFields(plan),
            ...(kind === "price" ? { price_hash: plan.hashes!.price } : { stock_hash: plan.hashes!.stock }),
            ...(row && ["error", "invalid", "pending"].includes(row.status) ? { status: listingStatusFromAe(row.ae_status), problems: [], problem_count: 0 } : {}),
            last_error: null,
            attempts: 0,
            next_attempt_at: null,
            last_synced_at: now,
          })
        }
      } catch (error) {
        if (classifyFailure(error) === "auth") {
          authFailed.value = true
          await service.markReconnectNeeded(account.id, describeError(error))
        }
        for (const plan of group) {
          const attempts = (aeStatus.get(plan.listing_id)?.attempts ?? 0) + 1
          await service.saveListing({
            id: plan.listing_id,
            status: "error",
            last_error: `The ${kind} update failed: ${describeError(error)}`,
            attempts,
            next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts)),
            last_synced_at: now,
          })
        }
      }
    }

    for (const kind of ["price", "stock"] as const) {
      const wanted = candidates.filter((p) => (kind === "price" ? p.send_price : p.send_stock))
      for (const group of chunk(wanted, PRICE_STOCK_BATCH)) {
        if (authFailed.value) break
        await send(kind, group)
      }
    }
    return new StepResponse(counts)
  }
)
