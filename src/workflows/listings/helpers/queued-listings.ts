import type AliExpressModuleService from "../../../modules/aliexpress/service"

/**
 * New listing rows, queued: the page's rows in one insert (a first sync of 100,000 products
 * inserted them one at a time, for minutes, while "Sync now" waited). The insert is one
 * transaction: if another worker created one of them a moment ago (unique account+product),
 * nothing of it stays, and the rows are made one at a time, queueing the ones that exist.
 */
export async function createQueuedListings(service: AliExpressModuleService, accountId: string, productIds: string[], now: Date): Promise<string[]> {
  if (!productIds.length) return []
  const row = (product_id: string) => ({ account_id: accountId, product_id, status: "pending" as const, sync_requested_at: now })
  try {
    const rows = await service.createAliExpressListings(productIds.map(row))
    return rows.map((r) => r.id)
  } catch {
    const ids: string[] = []
    for (const product_id of productIds) {
      try {
        ids.push((await service.createAliExpressListings(row(product_id))).id)
      } catch (error) {
        // Only a row that exists now explains the refusal; anything else is not swallowed.
        const queued = await service.updateAliExpressListings({ selector: { account_id: accountId, product_id }, data: { sync_requested_at: now } })
        if (!queued.length) throw error
      }
    }
    return ids
  }
}
