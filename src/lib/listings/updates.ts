import type { FeedItemResult } from "../aliexpress"
import type { SkuInfo } from "../mapping"
import type { PlannedListing } from "./plan"

export type UpdateKind = "price" | "stock"

/** AliExpress takes at most 300 items per feed job. */
export const FEED_ITEMS_PER_JOB = 300
/** A job with no final answer after this long is given up: its listings are sent again. */
export const FEED_JOB_GIVE_UP_MS = 60 * 60 * 1000

export const FEED_OPERATION: Record<UpdateKind, "PRODUCT_PRICES_UPDATE" | "PRODUCT_STOCKS_UPDATE"> = {
  price: "PRODUCT_PRICES_UPDATE",
  stock: "PRODUCT_STOCKS_UPDATE",
}

/**
 * A listed product whose price or stock changed, with what is sent for it: small enough to
 * travel in a workflow result from a sync page to the run that gathers feed jobs.
 */
export type UpdateCandidate = {
  listing_id: string
  ae_product_id: string
  title: string | null
  sku_codes: string[]
  skus: Pick<SkuInfo, "sku_code" | "price" | "discount_price" | "inventory">[]
  /** the new price hash when the price is to be sent */
  price_hash: string | null
  /** the new stock hash when the stock is to be sent */
  stock_hash: string | null
}

/** One feed item as the job row keeps it: the listing it belongs to and the hash it carries. */
export type FeedItemRef = { listing_id: string; ae_product_id: string; hash: string }

export function toUpdateCandidate(plan: PlannedListing): UpdateCandidate {
  return {
    listing_id: plan.listing_id,
    ae_product_id: plan.ae_product_id!,
    title: plan.title,
    sku_codes: plan.sku_codes,
    skus: plan.payload!.sku_info_list.map((s) => ({
      sku_code: s.sku_code,
      price: s.price,
      ...(s.discount_price ? { discount_price: s.discount_price } : {}),
      inventory: s.inventory,
    })),
    price_hash: plan.send_price ? plan.hashes!.price : null,
    stock_hash: plan.send_stock ? plan.hashes!.stock : null,
  }
}

export const wants = (c: UpdateCandidate, kind: UpdateKind) => (kind === "price" ? c.price_hash : c.stock_hash) !== null

/**
 * The price and stock changes of one sync run, gathered page by page until a feed job is full.
 * A listing queued twice in the run keeps its latest change only (one item per product per job).
 */
export class UpdateGathering {
  private readonly waiting: Record<UpdateKind, Map<string, UpdateCandidate>> = { price: new Map(), stock: new Map() }
  private readonly seen: Record<UpdateKind, Set<string>> = { price: new Set(), stock: new Set() }

  add(candidates: UpdateCandidate[]): void {
    for (const c of candidates) {
      for (const kind of ["price", "stock"] as const) {
        if (!wants(c, kind)) continue
        this.waiting[kind].delete(c.listing_id)
        this.waiting[kind].set(c.listing_id, c)
        this.seen[kind].add(c.listing_id)
      }
    }
  }

  /** Products of the run with a change of this kind, sent or not. */
  touched(kind: UpdateKind): number {
    return this.seen[kind].size
  }

  waitingCount(kind: UpdateKind): number {
    return this.waiting[kind].size
  }

  /**
   * Up to `max` waiting changes of this kind, oldest first, taken out of the gathering; each
   * carries this kind only (its other change, if any, is taken with the other kind).
   */
  take(kind: UpdateKind, max = Infinity): UpdateCandidate[] {
    const out: UpdateCandidate[] = []
    for (const [id, c] of this.waiting[kind]) {
      if (out.length >= max) break
      out.push(kind === "price" ? { ...c, stock_hash: null } : { ...c, price_hash: null })
      this.waiting[kind].delete(id)
    }
    return out
  }
}

/** Seconds between two questions about one feed job: 1, 2, 4, 8, 15, then every 30. */
const POLL_DELAYS_MS = [1000, 2000, 4000, 8000, 15000, 30000]

export function feedPollDelayMs(polls: number): number {
  return POLL_DELAYS_MS[Math.min(Math.max(0, polls), POLL_DELAYS_MS.length - 1)]
}

export type FeedOutcome = {
  succeeded: FeedItemRef[]
  failed: Array<{ item: FeedItemRef; code?: string; message: string }>
}

/**
 * Puts a finished job's per-item results on its items (each item's content id is its AliExpress
 * product id). An item AliExpress gave no result for counts as failed, so it is sent again.
 */
export function matchFeedResults(items: FeedItemRef[], results: FeedItemResult[]): FeedOutcome {
  const byContent = new Map(results.map((r) => [r.contentId, r]))
  const outcome: FeedOutcome = { succeeded: [], failed: [] }
  for (const item of items) {
    const result = byContent.get(item.ae_product_id)
    if (!result) {
      outcome.failed.push({ item, message: "AliExpress gave no result for this product in the feed job" })
    } else if (result.success) {
      outcome.succeeded.push(item)
    } else {
      outcome.failed.push({ item, code: result.errorCode, message: result.errorMessage ?? "the feed item was refused" })
    }
  }
  return outcome
}
