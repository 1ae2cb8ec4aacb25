import { createHash } from "node:crypto"
import type { PostProductRequest } from "./payload"

/** JSON with object keys sorted at every level, so equal content always hashes the same. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null"
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(",")}}`
}

const bySkuCode = (a: unknown[], b: unknown[]) => (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0)

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex")

/** Everything except prices and inventory: a change here needs a product edit. */
export function contentHash(payload: PostProductRequest): string {
  return sha256(
    stableStringify({
      ...payload,
      sku_info_list: payload.sku_info_list.map(({ price, discount_price, inventory, ...rest }) => rest),
    })
  )
}

/** Prices per SKU code: a change here needs a batch price update. */
export function priceHash(payload: PostProductRequest): string {
  return sha256(
    stableStringify(
      payload.sku_info_list
        .map((s) => [s.sku_code, s.price, s.discount_price ?? null])
        .sort(bySkuCode)
    )
  )
}

/** Inventory per SKU code: a change here needs a batch inventory update. */
export function stockHash(payload: PostProductRequest): string {
  return sha256(
    stableStringify(
      payload.sku_info_list
        .map((s) => [s.sku_code, s.inventory])
        .sort(bySkuCode)
    )
  )
}

/** The three hashes of a listing, stored to decide what to send next time. */
export function hashListing(payload: PostProductRequest): { content: string; price: string; stock: string } {
  return { content: contentHash(payload), price: priceHash(payload), stock: stockHash(payload) }
}
