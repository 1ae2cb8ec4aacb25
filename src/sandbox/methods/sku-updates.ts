import { MethodContext, asObject, idValue, jsonParam, notFound } from "../context"
import { BusinessError, SUB, invalid } from "../errors"
import { id, wrap } from "../json"
import { ProductRecord, SkuRecord } from "../store"

/** Checks one SKU's new values and returns the change, applied once every SKU passed. */
export type SkuUpdate = (sku: SkuRecord, raw: Record<string, unknown>, field: string) => () => void

export const MAX_SKUS_PER_UPDATE = 200

export function getProductOrFail(ctx: MethodContext, productId: string): ProductRecord {
  const product = ctx.seller.getProduct(productId)
  if (!product) {
    throw notFound(SUB.productNotFound, `product_id: product ${productId} does not exist`)
  }
  return product
}

function decimalField(raw: unknown, field: string): number {
  const text = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : ""
  if (!/^\d+(\.\d{1,2})?$/.test(text) || Number(text) < 0.01 || Number(text) > 999999) {
    throw new BusinessError(SUB.schema, `${field}: must be a price between 0.01 and 999999`)
  }
  return Number(text)
}

export const priceUpdate: SkuUpdate = (sku, raw, field) => {
  const price = decimalField(raw.price, `${field}.price`)
  let discount: number | undefined
  if (raw.discount_price !== undefined && raw.discount_price !== null && raw.discount_price !== "") {
    discount = decimalField(raw.discount_price, `${field}.discount_price`)
    if (discount >= price) {
      throw new BusinessError(SUB.schema, `${field}.discount_price: must be lower than price`)
    }
  }
  return () => {
    sku.price = price.toFixed(2)
    sku.discount_price = discount === undefined ? undefined : discount.toFixed(2)
  }
}

export const inventoryUpdate: SkuUpdate = (sku, raw, field) => {
  const text = typeof raw.inventory === "number" ? String(raw.inventory) : String(raw.inventory ?? "").trim()
  const n = /^\d+$/.test(text) ? Number(text) : NaN
  if (!Number.isInteger(n) || n > 999999) {
    throw new BusinessError(SUB.schema, `${field}.inventory: must be an integer between 0 and 999999`)
  }
  return () => {
    sku.inventory = n
  }
}

/**
 * Applies one product's `multiple_sku_update_list`, all or nothing; throws a BusinessError.
 * Shared by the batch update methods and the feed's stock and price updates.
 */
export function updateProductSkus(ctx: MethodContext, productId: string, skus: unknown, update: SkuUpdate, field: string): void {
  const product = getProductOrFail(ctx, productId)
  if (!Array.isArray(skus) || skus.length === 0) {
    throw new BusinessError(SUB.schema, `${field}.multiple_sku_update_list: must be a non-empty array`)
  }
  if (skus.length > MAX_SKUS_PER_UPDATE) {
    throw new BusinessError(SUB.schema, `${field}.multiple_sku_update_list: must contain at most ${MAX_SKUS_PER_UPDATE} SKUs`)
  }
  const apply = skus.map((rawSku, j) => {
    const skuField = `${field}.multiple_sku_update_list[${j}]`
    const raw = asObject(rawSku, skuField)
    const code = typeof raw.sku_code === "string" ? raw.sku_code : String(raw.sku_code ?? "")
    const sku = product.skus.find((s) => s.sku_code === code)
    if (!sku) {
      throw new BusinessError(SUB.skuNotFound, `${skuField}.sku_code: ${code} is not a SKU of product ${productId}`)
    }
    return update(sku, raw, skuField)
  })
  apply.forEach((fn) => fn())
  product.gmt_modified = ctx.store.now()
  ctx.store.markDirty()
}

export function batchUpdate(update: SkuUpdate) {
  return (ctx: MethodContext): Record<string, unknown> => {
    const list = jsonParam(ctx, "mutiple_product_update_list")
    if (!Array.isArray(list) || list.length === 0) {
      throw invalid("mutiple_product_update_list", "must be a non-empty JSON array")
    }
    if (list.length > 20) {
      throw invalid("mutiple_product_update_list", `must contain at most 20 products (got ${list.length})`)
    }
    const succeeded: Record<string, unknown>[] = []
    const failed: Record<string, unknown>[] = []
    list.forEach((entry, i) => {
      const field = `mutiple_product_update_list[${i}]`
      const item = asObject(entry, field)
      const productId = idValue(item.product_id, `${field}.product_id`)
      try {
        updateProductSkus(ctx, productId, item.multiple_sku_update_list, update, field)
        succeeded.push({ product_id: id(productId) })
      } catch (error) {
        if (!(error instanceof BusinessError)) {
          throw error
        }
        failed.push({ product_id: id(productId), error_code: error.subCode, error_message: error.message })
      }
    })
    // The call succeeded even when some products failed: the captured answer shows
    // update_success true beside a non-empty update_failed_list.
    return {
      update_success: true,
      update_error_code: "",
      update_error_message: "",
      update_successful_list: succeeded.length ? wrap("synchronize_product_response_dto", succeeded) : undefined,
      update_failed_list: failed.length ? wrap("synchronize_product_response_dto", failed) : undefined,
    }
  }
}
