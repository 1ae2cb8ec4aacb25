import { PRODUCT_STATUS_READ_ORDER, type AliExpressClient } from "../aliexpress"

/** The most a product list page holds (`page_size` < 100). */
export const STATUS_PAGE_SIZE = 99
/**
 * How long one listing of the seller's statuses serves the pages of a run. A status read after a
 * product's submission is that submission's verdict or "still under review" (asked about again
 * later), so an older listing is safe for listings submitted before it began (see `statusOf`).
 */
export const SNAPSHOT_TTL_MS = 2 * 60 * 1000

export type StatusSnapshot = {
  /** when the listing began: it speaks for submissions made before this */
  takenAt: number
  statuses: Map<string, string>
}

/** The pages of one process share one listing per account, also while it is being made. */
export type StatusSnapshotCache = Map<string, { takenAt: number; snapshot: Promise<StatusSnapshot | null> }>

type Lister = Pick<AliExpressClient, "listProducts">

/**
 * The seller's product statuses from the paged lists, status by status, if that costs at most
 * half the calls of reading `wanted` products one by one; null when it would cost more. The
 * first page of each status tells how many pages that status takes, so a listing that does not
 * pay gives up after one call per status, not after spending its budget. Under review is read
 * first: a product only leaves that state, so one that moves between two lists is seen as under
 * review (asked about again later) or not at all (read one by one), never with a wrong verdict.
 */
export async function listProductStatuses(client: Lister, wanted: number, minimumBudget: number): Promise<StatusSnapshot | null> {
  const takenAt = Date.now()
  const budget = Math.max(Math.floor(wanted / 2), minimumBudget)
  const statuses = new Map<string, string>()
  let pages = 0
  for (const [index, status] of PRODUCT_STATUS_READ_ORDER.entries()) {
    for (let page = 1; ; page++) {
      const res = await client.listProducts({ page, pageSize: STATUS_PAGE_SIZE, status })
      if (page === 1) {
        const statusesLeft = PRODUCT_STATUS_READ_ORDER.length - index - 1
        pages += Math.max(res.totalPages, 1)
        if (pages + statusesLeft > budget) return null
      }
      for (const item of res.items) {
        if (!statuses.has(item.productId)) statuses.set(item.productId, status)
      }
      if (page >= res.totalPages || !res.items.length) break
    }
  }
  return { takenAt, statuses }
}

/**
 * The account's status listing: the one a page of this run already made (or is making), or a
 * new one when that pays for `wanted` reads. A listing that did not pay or failed is not kept,
 * so a later page with more to ask may try again.
 */
export async function sharedProductStatuses(
  client: Lister,
  cache: StatusSnapshotCache,
  accountId: string,
  /** how many reads a listing would save; only asked for when no listing is at hand */
  wanted: number | (() => Promise<number>),
  minimumBudget: number
): Promise<StatusSnapshot | null> {
  const cached = cache.get(accountId)
  if (cached && Date.now() - cached.takenAt < SNAPSHOT_TTL_MS) {
    const snapshot = await cached.snapshot.catch(() => null)
    if (snapshot) return snapshot
  }
  // Kept before anything is awaited, so pages asking at the same moment share this listing.
  const list = async () => listProductStatuses(client, typeof wanted === "number" ? wanted : await wanted(), minimumBudget)
  const entry = { takenAt: Date.now(), snapshot: list() }
  cache.set(accountId, entry)
  const snapshot = await entry.snapshot.catch((error) => {
    if (cache.get(accountId) === entry) cache.delete(accountId)
    throw error
  })
  if (!snapshot && cache.get(accountId) === entry) cache.delete(accountId)
  return snapshot
}

/**
 * A listing's status in the snapshot, when the snapshot can speak for its latest submission:
 * one submitted after the listing began may have been live before and under review again now.
 */
export function statusOf(snapshot: StatusSnapshot, aeProductId: string, submittedAt: Date | string | null): string | undefined {
  if (submittedAt && new Date(submittedAt).getTime() >= snapshot.takenAt) return undefined
  return snapshot.statuses.get(aeProductId)
}
