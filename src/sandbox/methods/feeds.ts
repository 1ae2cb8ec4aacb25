import { MethodContext, MethodDef, asObject, idValue, intValue, jsonParam, notFound, requireParam } from "../context"
import { BusinessError, GatewayError, SUB, invalid } from "../errors"
import { id, parseJsonLossless, renderJson, wrap } from "../json"
import { FeedItemResult, FeedJob, FeedOperation } from "../store"
import { createProduct, editProduct } from "./products"
import { SkuUpdate, inventoryUpdate, priceUpdate, updateProductSkus } from "./sku-updates"

/** AliExpress's bulk path: jobs of up to 300 items, processed asynchronously. */
export const MAX_FEED_ITEMS = 300
const OPERATIONS: FeedOperation[] = ["PRODUCT_CREATE", "PRODUCT_FULL_UPDATE", "PRODUCT_STOCKS_UPDATE", "PRODUCT_PRICES_UPDATE"]
const STATUSES = ["QUEUEING", "PROCESSING", "FINISH"] as const
type FeedStatus = (typeof STATUSES)[number]

function statusOf(ctx: MethodContext, job: FeedJob): FeedStatus {
  if (job.results) {
    return "FINISH"
  }
  const elapsed = ctx.store.now() - job.created_at
  const delay = ctx.store.config.feedDelayMs
  return elapsed < delay / 2 ? "QUEUEING" : "PROCESSING"
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v)

/** Runs one item with the rules of the matching direct call; returns the product id it touched. */
function runItem(ctx: MethodContext, operation: FeedOperation, content: Record<string, unknown>): string {
  if (operation === "PRODUCT_CREATE") {
    return createProduct(ctx, content)
  }
  const rawId = content.aliexpress_product_id ?? content.product_id
  if (operation === "PRODUCT_FULL_UPDATE") {
    return editProduct(ctx, content, rawId, "aliexpress_product_id")
  }
  if (rawId === undefined || rawId === null || rawId === "") {
    throw invalid("aliexpress_product_id", "is required")
  }
  const productId = idValue(rawId, "aliexpress_product_id")
  const update: SkuUpdate = operation === "PRODUCT_STOCKS_UPDATE" ? inventoryUpdate : priceUpdate
  updateProductSkus(ctx, productId, content.multiple_sku_update_list, update, "item_content")
  return productId
}

function processJob(ctx: MethodContext, job: FeedJob): FeedItemResult[] {
  return job.items.map((item) => {
    let productId: string | undefined
    try {
      const content = parseJsonLossless(item.item_content)
      if (!isObj(content)) {
        throw invalid("item_content", "must be a JSON object")
      }
      // An update names its product, so a failure can say which one.
      const named = String(content.aliexpress_product_id ?? content.product_id ?? "")
      productId = job.operation_type !== "PRODUCT_CREATE" && /^\d{1,20}$/.test(named) ? named : undefined
      productId = runItem(ctx, job.operation_type, content)
      return {
        item_content_id: item.item_content_id,
        success: true,
        execution_result: renderJson({ productId: id(productId), success: true }),
      }
    } catch (error) {
      if (error instanceof SyntaxError) {
        error = invalid("item_content", "is not valid JSON")
      } else if (!(error instanceof BusinessError) && !(error instanceof GatewayError)) {
        // One broken item must not leave the job (and every later call) stuck.
        error = new BusinessError(SUB.system, `the item could not be processed: ${(error as Error).message}`)
      }
      const failure = error as BusinessError | GatewayError
      return {
        item_content_id: item.item_content_id,
        success: false,
        execution_result: renderJson({
          productId: productId === undefined ? undefined : id(productId),
          success: false,
          errorCode: failure instanceof BusinessError ? failure.subCode : failure.code,
          errorMessage: failure.message,
        }),
      }
    }
  })
}

/** Finishes every job whose processing time is over, oldest first; run before each API call. */
export function settleFeeds(ctx: MethodContext): void {
  const store = ctx.store
  for (const job of ctx.seller.feedJobs.values()) {
    if (!job.results && store.now() - job.created_at >= store.config.feedDelayMs) {
      job.results = processJob(ctx, job)
      store.markDirty()
    }
  }
}

function submit(ctx: MethodContext): Record<string, unknown> {
  const operation = requireParam(ctx, "operation_type") as FeedOperation
  if (!OPERATIONS.includes(operation)) {
    throw invalid("operation_type", `must be one of ${OPERATIONS.join(", ")}`)
  }
  const list = jsonParam(ctx, "item_list")
  if (!Array.isArray(list) || list.length === 0) {
    throw invalid("item_list", "must be a non-empty JSON array")
  }
  if (list.length > MAX_FEED_ITEMS) {
    throw invalid("item_list", `must contain at most ${MAX_FEED_ITEMS} items (got ${list.length})`)
  }
  const seen = new Set<string>()
  const items = list.map((entry, i) => {
    const item = asObject(entry, `item_list[${i}]`)
    const contentId = typeof item.item_content_id === "string" ? item.item_content_id.trim() : ""
    if (!contentId) {
      throw invalid(`item_list[${i}].item_content_id`, "is required")
    }
    if (seen.has(contentId)) {
      throw invalid(`item_list[${i}].item_content_id`, `${contentId} is used twice in this job`)
    }
    seen.add(contentId)
    if (typeof item.item_content !== "string" || !item.item_content.trim()) {
      throw invalid(`item_list[${i}].item_content`, "must be the item as a JSON string")
    }
    return { item_content_id: contentId, item_content: item.item_content }
  })
  const job: FeedJob = { job_id: ctx.store.newJobId(), operation_type: operation, items, created_at: ctx.store.now() }
  ctx.seller.feedJobs.set(job.job_id, job)
  ctx.store.markDirty()
  return { job_id: id(job.job_id) }
}

function query(ctx: MethodContext): Record<string, unknown> {
  const jobId = idValue(requireParam(ctx, "job_id"), "job_id")
  const job = ctx.seller.feedJobs.get(jobId)
  if (!job) {
    throw notFound(SUB.feedJobNotFound, `job_id: feed job ${jobId} does not exist`)
  }
  const results = job.results ?? []
  return {
    job_id: id(job.job_id),
    total_item_count: job.items.length,
    success_item_count: results.filter((r) => r.success).length,
    result_list: results.length
      ? wrap(
          "single_item_response_dto",
          results.map((r) => ({ item_content_id: r.item_content_id, item_execution_result: r.execution_result }))
        )
      : undefined,
  }
}

function listJobs(ctx: MethodContext): Record<string, unknown> {
  const status = ctx.params.status || undefined
  if (status && !STATUSES.includes(status as FeedStatus)) {
    throw invalid("status", `must be one of ${STATUSES.join(", ")}`)
  }
  const operation = ctx.params.operation_type || undefined
  if (operation && !OPERATIONS.includes(operation as FeedOperation)) {
    throw invalid("operation_type", `must be one of ${OPERATIONS.join(", ")}`)
  }
  const pageSize = intValue(ctx.params.page_size, "page_size", 1, 50) ?? 20
  const currentPage = intValue(ctx.params.current_page, "current_page", 1, 1000000) ?? 1
  const jobs = [...ctx.seller.feedJobs.values()]
    .reverse()
    .map((job) => ({ job, status: statusOf(ctx, job) }))
    .filter((j) => (!status || j.status === status) && (!operation || j.job.operation_type === operation))
  const page = jobs.slice((currentPage - 1) * pageSize, currentPage * pageSize)
  return {
    current_page: currentPage,
    page_size: pageSize,
    total_count: jobs.length,
    total_page: Math.ceil(jobs.length / pageSize),
    job_list: page.length
      ? wrap(
          "batch_operation_job_dto",
          page.map(({ job, status }) => ({ job_id: id(job.job_id), operation_type: job.operation_type, status }))
        )
      : undefined,
  }
}

export const feedMethods: Record<string, MethodDef> = {
  "aliexpress.solution.feed.submit": { required: ["operation_type", "item_list"], handler: submit },
  "aliexpress.solution.feed.query": { required: ["job_id"], handler: query },
  "aliexpress.solution.feed.list.get": { handler: listJobs },
}
