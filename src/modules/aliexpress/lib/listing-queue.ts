import type { Knex } from "knex"
import { retryOnDeadlock } from "./bulk-update"
import { entityIds } from "./entity-ids"

/** What queueing a listing may also reset. */
export type QueueExtras = {
  /** the merchant asked: a failed listing is retried now, not after its back-off */
  retryNow?: boolean
  /** AliExpress changed the stock itself: send it again even where Medusa's did not move */
  resendStock?: boolean
}

/**
 * The columns a queued listing gets, besides the time: a draft of a product in the channel
 * becomes pending, and the extras asked for. Qualified, as the upsert's conflict branch needs.
 */
function queueAssignments(extras: QueueExtras, promoteDrafts = true): string[] {
  return [
    `sync_requested_at = ?`,
    `updated_at = now()`,
    ...(promoteDrafts ? [`status = case when aliexpress_listing.status = 'draft' then 'pending' else aliexpress_listing.status end`] : []),
    ...(extras.retryNow ? [`next_attempt_at = null`] : []),
    ...(extras.resendStock ? [`stock_hash = null`] : []),
  ]
}

/**
 * Queues the account's listings of the given products, in one statement that locks them in id
 * order (as every bulk write of listings does, so two never wait on each other in a circle).
 * Answers the products that had a listing. Through the ORM this was a read of 500 whole
 * entities and a write per page: "sync now" on 100,000 products peaked at 1,020 MiB resident
 * (545 MiB with these statements).
 */
export async function queueExistingListings(
  knex: Knex,
  accountId: string,
  productIds: string[],
  at: Date,
  extras: QueueExtras = {}
): Promise<Set<string>> {
  if (!productIds.length) return new Set()
  const { rows } = await retryOnDeadlock(() =>
    knex.raw(
      `update aliexpress_listing set ${queueAssignments(extras).join(", ")}
        where id in (select id from aliexpress_listing
                      where account_id = ? and product_id = any(?::text[]) and deleted_at is null
                      order by id for update)
        returning product_id`,
      [at, accountId, productIds]
    )
  )
  return new Set((rows as { product_id: string }[]).map((r) => r.product_id))
}

/**
 * New listings, pending and queued, for the given products, in one statement. A product that
 * has a listing by now (another worker made it a moment ago) has that one queued instead, so
 * nothing is refused and nothing left out. Answers the ids of the rows made here, which the
 * request's compensation removes.
 */
export async function insertQueuedListings(
  knex: Knex,
  accountId: string,
  productIds: string[],
  at: Date,
  extras: QueueExtras = {}
): Promise<string[]> {
  if (!productIds.length) return []
  const products = [...new Set(productIds)].sort()
  const ids = entityIds("aelst", products.length)
  const { rows } = await retryOnDeadlock(() =>
    knex.raw(
      `insert into aliexpress_listing (id, account_id, product_id, status, sync_requested_at)
       select page.id, ?, page.product_id, 'pending', ? from unnest(?::text[], ?::text[]) as page(id, product_id)
       on conflict (account_id, product_id) where product_id is not null and deleted_at is null
       do update set ${queueAssignments(extras).join(", ")}
       returning id, (xmax = 0) as inserted`,
      [accountId, at, ids, products, at]
    )
  )
  return (rows as { id: string; inserted: boolean }[]).filter((r) => r.inserted).map((r) => r.id)
}

/** A stretch of product ids, read in id order: after `after` (from the start when null), up to and including `upTo` (to the end when null). */
export type ProductIdRange = { after: string | null; upTo: string | null }

/**
 * Queues the account's listings whose product lies in the range but is not one of `present`
 * and that nothing queued yet: their product left the channel or was deleted, so they go
 * offline. Reading the channel a page at a time in product id order gives each page's range,
 * so every listing is looked at once, through the (account, product) index. Asking instead
 * for every listing not queued at the end let in those a run had taken off the queue
 * meanwhile: at 100,000 products, all of them, queued again in one statement too large to send.
 */
export async function queueListingsMissingFrom(
  knex: Knex,
  accountId: string,
  range: ProductIdRange,
  present: string[],
  at: Date,
  extras: QueueExtras = {}
): Promise<number> {
  const bounds = [
    ...(range.after === null ? [] : [{ sql: "product_id > ?", value: range.after }]),
    ...(range.upTo === null ? [] : [{ sql: "product_id <= ?", value: range.upTo }]),
  ]
  const { rowCount } = await retryOnDeadlock(() =>
    knex.raw(
      `update aliexpress_listing set ${queueAssignments(extras, false).join(", ")}
        where id in (select id from aliexpress_listing
                      where account_id = ? and product_id is not null and deleted_at is null and sync_requested_at is null
                        ${bounds.map((b) => `and ${b.sql}`).join(" ")}
                        and not (product_id = any(?::text[]))
                      order by id for update)`,
      [at, accountId, ...bounds.map((b) => b.value), present]
    )
  )
  return rowCount ?? 0
}
