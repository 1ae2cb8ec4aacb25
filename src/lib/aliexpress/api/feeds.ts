import { parseJsonLosslessly, stringifyJsonParam } from "../json"
import { feedListSchema, feedQuerySchema, feedSubmitSchema } from "../schemas"
import type {
  FeedItem,
  FeedItemResult,
  FeedJobSummary,
  FeedListQuery,
  FeedOperation,
  FeedResult,
  InventoryUpdate,
  Page,
  PriceUpdate,
} from "../types"
import { invalidArgument, parsePayload, type Caller } from "./caller"

const READ = { idempotent: true } as const
export const MAX_FEED_ITEMS = 300
const MAX_SKUS_PER_ITEM = 200
const OPERATIONS: FeedOperation[] = ["PRODUCT_CREATE", "PRODUCT_FULL_UPDATE", "PRODUCT_STOCKS_UPDATE", "PRODUCT_PRICES_UPDATE"]

/**
 * Submits a feed job (AliExpress's asynchronous bulk path). Not idempotent: a second submit is a
 * second job. Poll `queryFeed` or `listFeeds` for the outcome.
 */
export async function submitFeed(call: Caller, operationType: FeedOperation, items: FeedItem[]): Promise<{ jobId: string }> {
  const method = "aliexpress.solution.feed.submit"
  if (!OPERATIONS.includes(operationType)) {
    throw invalidArgument(method, `operationType must be one of ${OPERATIONS.join(", ")}`)
  }
  if (items.length === 0 || items.length > MAX_FEED_ITEMS) {
    throw invalidArgument(method, `${items.length} items; a feed takes 1 to ${MAX_FEED_ITEMS}`)
  }
  const ids = new Set(items.map((item) => item.contentId))
  if (ids.size !== items.length) {
    throw invalidArgument(method, "every item needs its own contentId")
  }
  const itemList = items.map((item) => ({
    item_content_id: item.contentId,
    item_content: typeof item.content === "string" ? item.content : stringifyJsonParam(item.content),
  }))
  // Plain JSON.stringify: item_content_id is a string field, even when it holds a product id.
  const params = { operation_type: operationType, item_list: JSON.stringify(itemList) }
  const payload = parsePayload(feedSubmitSchema, await call(method, params), method)
  return { jobId: payload.job_id }
}

function checkSkus(method: string, updates: Array<{ productId: string; skus: unknown[] }>): void {
  const crowded = updates.find((update) => update.skus.length > MAX_SKUS_PER_ITEM)
  if (crowded) {
    throw invalidArgument(method, `product ${crowded.productId} has ${crowded.skus.length} SKUs; at most ${MAX_SKUS_PER_ITEM} per item`)
  }
}

/** Stock for up to 300 products in one job; each item's content id is its product id. */
export function submitInventoryFeed(call: Caller, updates: InventoryUpdate[]): Promise<{ jobId: string }> {
  checkSkus("aliexpress.solution.feed.submit", updates)
  return submitFeed(
    call,
    "PRODUCT_STOCKS_UPDATE",
    updates.map((update) => ({
      contentId: update.productId,
      content: {
        aliexpress_product_id: update.productId,
        multiple_sku_update_list: update.skus.map((sku) => ({ sku_code: sku.skuCode, inventory: sku.inventory })),
      },
    }))
  )
}

/** Absolute prices for up to 300 products in one job; a SKU sent without discountPrice loses its discount. */
export function submitPriceFeed(call: Caller, updates: PriceUpdate[]): Promise<{ jobId: string }> {
  checkSkus("aliexpress.solution.feed.submit", updates)
  return submitFeed(
    call,
    "PRODUCT_PRICES_UPDATE",
    updates.map((update) => ({
      contentId: update.productId,
      content: {
        aliexpress_product_id: update.productId,
        multiple_sku_update_list: update.skus.map((sku) => ({
          sku_code: sku.skuCode,
          price: String(sku.price),
          discount_price: sku.discountPrice === undefined ? undefined : String(sku.discountPrice),
        })),
      },
    }))
  )
}

/** `{"productId":33030372006,"success":true}`, or a failure with its code and message. */
function itemResult(contentId: string, raw: unknown): FeedItemResult {
  let parsed: Record<string, unknown> = {}
  const text = typeof raw === "string" ? raw : JSON.stringify(raw ?? {})
  try {
    const value = typeof raw === "string" ? parseJsonLosslessly(raw) : raw
    parsed = value && typeof value === "object" ? (value as Record<string, unknown>) : {}
  } catch {
    parsed = {}
  }
  const pick = (...keys: string[]) => keys.map((key) => parsed[key]).find((v) => v !== undefined && v !== null && v !== "")
  const productId = pick("productId", "product_id")
  const code = pick("errorCode", "error_code")
  const message = pick("errorMessage", "error_message", "errorMsg")
  return {
    contentId,
    success: parsed.success === true || parsed.success === "true",
    productId: productId === undefined ? undefined : String(productId),
    errorCode: code === undefined ? undefined : String(code),
    errorMessage: message === undefined ? undefined : String(message),
    raw: text,
  }
}

/** A job's per-item results so far; `finished` once every item has one. */
export async function queryFeed(call: Caller, jobId: string): Promise<FeedResult> {
  const method = "aliexpress.solution.feed.query"
  const payload = parsePayload(feedQuerySchema, await call(method, { job_id: jobId }, READ), method)
  const items = payload.result_list.map((item) => itemResult(item.item_content_id ?? "", item.item_execution_result))
  const total = payload.total_item_count ?? items.length
  return {
    jobId: payload.job_id ?? jobId,
    total,
    succeeded: payload.success_item_count ?? items.filter((item) => item.success).length,
    items,
    finished: total > 0 && items.length >= total,
  }
}

export async function listFeeds(call: Caller, query: FeedListQuery = {}): Promise<Page<FeedJobSummary>> {
  const method = "aliexpress.solution.feed.list.get"
  const page = query.page ?? 1
  const params = {
    status: query.status,
    operation_type: query.operationType,
    current_page: page,
    page_size: query.pageSize ?? 20,
  }
  const payload = parsePayload(feedListSchema, await call(method, params, READ), method)
  const jobs = payload.job_list.map((job) => ({ jobId: job.job_id, status: job.status ?? "", operationType: job.operation_type ?? "" }))
  return {
    total: payload.total_count ?? jobs.length,
    totalPages: payload.total_page ?? (jobs.length ? page : 0),
    page: payload.current_page ?? page,
    items: jobs,
  }
}
