import {
  batchUpdateSchema,
  deleteProductsSchema,
  editProductSchema,
  postProductSchema,
  productInfoSchema,
  productListSchema,
  productStatusChangeSchema,
} from "../schemas"
import type {
  BatchUpdateResult,
  InventoryUpdate,
  Page,
  PostProductRequest,
  PriceUpdate,
  ProductDetail,
  ProductListQuery,
  ProductStatusChangeResult,
  ProductSummary,
} from "../types"
import { invalidArgument, parsePayload, type Caller } from "./caller"
import { toStatusChangeErrors } from "./product-status-errors"

const READ = { idempotent: true } as const
const MAX_PRODUCTS_PER_BATCH = 20
const MAX_SKUS_PER_PRODUCT = 200
const MAX_DELETE = 100

/** Creates a product. Not idempotent: after an ambiguous failure look it up by sku_code first. */
export async function postProduct(call: Caller, request: PostProductRequest): Promise<{ productId: string }> {
  const method = "aliexpress.solution.product.post"
  const payload = parsePayload(postProductSchema, await call(method, { post_product_request: request }), method)
  return { productId: payload.result.product_id }
}

/** Replaces the product's content; a sent `sku_info_list` replaces every SKU. */
export async function editProduct(call: Caller, productId: string, request: PostProductRequest): Promise<{ productId: string }> {
  const method = "aliexpress.solution.product.edit"
  const params = { edit_product_request: { ...request, product_id: productId } }
  const payload = parsePayload(editProductSchema, await call(method, params, { idempotent: true }), method)
  return { productId: payload.result?.product_id ?? productId }
}

const AUDIT_REASON_KEYS = ["audit_failure_reason", "audit_fail_reason", "audit_failed_reason", "audit_reason", "reject_reason"]

export async function getProduct(call: Caller, productId: string): Promise<ProductDetail> {
  const method = "aliexpress.solution.product.info.get"
  const { result } = parsePayload(productInfoSchema, await call(method, { product_id: productId }, READ), method)
  const auditFailureReason = AUDIT_REASON_KEYS.map((key) => result[key]).find((value) => typeof value === "string" && value)
  return {
    productId: result.product_id,
    status: result.product_status_type ?? "unknown",
    subject: result.subject ?? result.multi_language_subject_list[0]?.subject,
    skus: result.aeop_ae_product_s_k_us.map((sku) => ({
      skuCode: sku.sku_code ?? "",
      price: sku.sku_price,
      discountPrice: sku.sku_discount_price,
      inventory: sku.ipm_sku_stock ?? (typeof sku.sku_stock === "number" ? sku.sku_stock : undefined),
    })),
    categoryId: result.category_id,
    imageUrls: result.image_u_r_ls ? result.image_u_r_ls.split(";").filter(Boolean) : [],
    auditFailureReason: auditFailureReason as string | undefined,
  }
}


/** Lists products in one status (AliExpress requires one; default `onSelling`). */
export async function listProducts(call: Caller, query: ProductListQuery = {}): Promise<Page<ProductSummary>> {
  const method = "aliexpress.solution.product.list.get"
  const status = query.status ?? "onSelling"
  const page = query.page ?? 1
  const pageSize = query.pageSize ?? 50
  if (pageSize < 1 || pageSize >= 100) {
    throw invalidArgument(method, "pageSize must be between 1 and 99")
  }
  const params = {
    aeop_a_e_product_list_query: {
      current_page: page,
      page_size: pageSize,
      product_status_type: status,
      sku_code: query.skuCode,
    },
  }
  const { result } = parsePayload(productListSchema, await call(method, params, READ), method)
  const items = result.aeop_a_e_product_display_d_t_o_list
  return {
    total: result.product_count ?? items.length,
    totalPages: result.total_page ?? (items.length ? page : 0),
    page: result.current_page ?? page,
    items: items.map((item) => ({ productId: item.product_id, subject: item.subject, status })),
  }
}

export async function* iterateProducts(call: Caller, query: ProductListQuery = {}): AsyncGenerator<ProductSummary> {
  for (let page = query.page ?? 1; ; page++) {
    const result = await listProducts(call, { ...query, page })
    yield* result.items
    if (result.items.length === 0 || page >= result.totalPages) {
      return
    }
  }
}

/**
 * The order to read product statuses in. A product under review can only move on (to live,
 * rejected or offline), so reading "auditing" first never misses one that changes status
 * between two reads.
 */
export const PRODUCT_STATUS_READ_ORDER = ["auditing", "onSelling", "editingRequired", "offline"] as const

/**
 * Finds the product that owns `skuCode` in any status: the check to run before posting again
 * after a post failed ambiguously (AliExpress may have created the product).
 */
export async function findProductBySkuCode(call: Caller, skuCode: string): Promise<ProductSummary | undefined> {
  for (const status of PRODUCT_STATUS_READ_ORDER) {
    const page = await listProducts(call, { status, skuCode, pageSize: 10 })
    if (page.items.length > 0) {
      return page.items[0]
    }
  }
  return undefined
}

function checkBatch(method: string, updates: Array<{ productId: string; skus: unknown[] }>): void {
  if (updates.length > MAX_PRODUCTS_PER_BATCH) {
    throw invalidArgument(method, `${updates.length} products; at most ${MAX_PRODUCTS_PER_BATCH} per call`)
  }
  const crowded = updates.find((update) => update.skus.length > MAX_SKUS_PER_PRODUCT)
  if (crowded) {
    throw invalidArgument(method, `product ${crowded.productId} has ${crowded.skus.length} SKUs; at most ${MAX_SKUS_PER_PRODUCT} per call`)
  }
}

async function batchUpdate(call: Caller, method: string, list: unknown[]): Promise<BatchUpdateResult> {
  const payload = parsePayload(batchUpdateSchema, await call(method, { mutiple_product_update_list: list }, { idempotent: true }), method)
  const failed = payload.update_failed_list.map((failure) => ({
    productId: failure.product_id,
    code: failure.error_code || undefined,
    message: failure.error_message || undefined,
  }))
  return {
    // AliExpress answers update_success: true beside failed products; success means all went through.
    success: payload.update_success !== false && failed.length === 0,
    succeeded: payload.update_successful_list.map((item) => item.product_id),
    failed,
  }
}

/** Sets absolute prices; a SKU sent without discountPrice loses its discount. */
export async function updatePrices(call: Caller, updates: PriceUpdate[]): Promise<BatchUpdateResult> {
  const method = "aliexpress.solution.batch.product.price.update"
  checkBatch(method, updates)
  if (updates.length === 0) {
    return { success: true, succeeded: [], failed: [] }
  }
  return batchUpdate(
    call,
    method,
    updates.map((update) => ({
      product_id: update.productId,
      multiple_sku_update_list: update.skus.map((sku) => ({
        sku_code: sku.skuCode,
        price: String(sku.price),
        discount_price: sku.discountPrice === undefined ? undefined : String(sku.discountPrice),
      })),
    }))
  )
}

export async function updateInventory(call: Caller, updates: InventoryUpdate[]): Promise<BatchUpdateResult> {
  const method = "aliexpress.solution.batch.product.inventory.update"
  checkBatch(method, updates)
  if (updates.length === 0) {
    return { success: true, succeeded: [], failed: [] }
  }
  return batchUpdate(
    call,
    method,
    updates.map((update) => ({
      product_id: update.productId,
      multiple_sku_update_list: update.skus.map((sku) => ({ sku_code: sku.skuCode, inventory: sku.inventory })),
    }))
  )
}

async function changeStatus(call: Caller, method: string, productIds: string[]): Promise<ProductStatusChangeResult> {
  if (productIds.length === 0) {
    return { success: true, modifyCount: 0, errors: [] }
  }
  const raw = await call(method, { product_ids: productIds.join(";") }, { idempotent: true, checkSuccessFlag: false })
  const { result } = parsePayload(productStatusChangeSchema, raw, method)
  const errors = toStatusChangeErrors(result?.error_details)
  return {
    success: result?.success ?? errors.length === 0,
    modifyCount: result?.modify_count ?? 0,
    errors,
  }
}

export function offlineProducts(call: Caller, productIds: string[]): Promise<ProductStatusChangeResult> {
  return changeStatus(call, "aliexpress.postproduct.redefining.offlineaeproduct", productIds)
}

export function onlineProducts(call: Caller, productIds: string[]): Promise<ProductStatusChangeResult> {
  return changeStatus(call, "aliexpress.postproduct.redefining.onlineaeproduct", productIds)
}

export async function deleteProducts(call: Caller, productIds: string[]): Promise<{ success: boolean }> {
  const method = "aliexpress.solution.batch.product.delete"
  if (productIds.length > MAX_DELETE) {
    throw invalidArgument(method, `${productIds.length} products; at most ${MAX_DELETE} per call`)
  }
  if (productIds.length === 0) {
    return { success: true }
  }
  const payload = parsePayload(deleteProductsSchema, await call(method, { product_ids: productIds.join(";") }, { idempotent: true }), method)
  return { success: payload.result?.success ?? payload.success ?? true }
}
