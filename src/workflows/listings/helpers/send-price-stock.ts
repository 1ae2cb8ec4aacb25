import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { chunk } from "../../../lib/listings/pool"
import { PRICE_STOCK_BATCH, toInventoryUpdates, toPriceUpdates } from "../../../lib/mapping"
import { classifyFailure, describeError, marketplaceProblem } from "../../../lib/listings/problems"
import { retryDelayMs } from "../../../lib/listings/config"
import { listingStatusFromAe } from "../../../lib/listings/status"
import { searchText } from "../../../lib/listings/search-text"
import { wants, type UpdateCandidate, type UpdateKind } from "../../../lib/listings/updates"

type Row = { id: string } & Record<string, unknown>

export const candidateIdentity = (c: UpdateCandidate) => ({
  product_title: c.title,
  sku_codes: c.sku_codes,
  search_text: searchText(c.title, c.sku_codes),
})

/** Listings whose status only said something went wrong go back to what AliExpress last said once a change lands. */
export const RECOVERING_STATUSES = ["error", "invalid", "pending"]

/** The listed products as the client's price and stock updates take them. */
export const listedSkus = (group: UpdateCandidate[]) =>
  group.map((c) => ({ productId: c.ae_product_id, skus: c.skus }))

/**
 * Sends price and stock changes in batch calls of 20 products and stores, in one bulk write,
 * the new hashes of what AliExpress accepted, the problem of what it refused, and a retry time
 * for a call that failed in transport. Never throws for AliExpress answers.
 */
export async function sendPriceStockBatches(
  service: AliExpressModuleService,
  accountId: string,
  candidates: UpdateCandidate[]
): Promise<{ price: number; stock: number }> {
  const counts = { price: 0, stock: 0 }
  if (!candidates.length) {
    return counts
  }
  const { client, account } = await service.requireConnectedAccount(accountId)
  const current = await service.listAliExpressListings(
    { id: candidates.map((c) => c.listing_id) },
    { select: ["id", "ae_status", "status", "attempts"], take: candidates.length }
  )
  const byId = new Map(current.map((r) => [r.id, r]))
  const now = new Date()
  const rows: Row[] = []
  let authFailed = false

  const send = async (kind: UpdateKind, group: UpdateCandidate[]) => {
    const listed = listedSkus(group)
    try {
      const result = kind === "price" ? await client.updatePrices(toPriceUpdates(listed)) : await client.updateInventory(toInventoryUpdates(listed))
      counts[kind] += 1
      const refused = new Map(result.failed.map((f) => [f.productId, f]))
      for (const c of group) {
        const f = refused.get(c.ae_product_id)
        if (f) {
          const problem = marketplaceProblem({ code: f.code, message: f.message ?? "update refused" })
          rows.push({ id: c.listing_id, problems: [problem], problem_count: 1, last_error: problem.message, last_synced_at: now })
          continue
        }
        const row = byId.get(c.listing_id)
        rows.push({
          id: c.listing_id,
          ...candidateIdentity(c),
          ...(kind === "price" ? { price_hash: c.price_hash } : { stock_hash: c.stock_hash }),
          ...(row && RECOVERING_STATUSES.includes(row.status) ? { status: listingStatusFromAe(row.ae_status), problems: [], problem_count: 0 } : {}),
          last_error: null,
          attempts: 0,
          next_attempt_at: null,
          last_synced_at: now,
        })
      }
    } catch (error) {
      if (classifyFailure(error) === "auth") {
        authFailed = true
        await service.markReconnectNeeded(account.id, describeError(error))
      }
      for (const c of group) {
        const attempts = (byId.get(c.listing_id)?.attempts ?? 0) + 1
        rows.push({
          id: c.listing_id,
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
    for (const group of chunk(candidates.filter((c) => wants(c, kind)), PRICE_STOCK_BATCH)) {
      if (authFailed) break
      await send(kind, group)
    }
  }
  await service.saveListings(rows)
  return counts
}
