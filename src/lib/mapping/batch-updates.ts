import type { InventoryUpdate, PriceUpdate } from "../aliexpress"
import type { SkuInfo } from "./payload"

/** AliExpress takes at most 20 products per batch price or stock update call. */
export const PRICE_STOCK_BATCH = 20

/** A listed product and the SKUs its mapped payload carries. */
export type ListedSkus = { productId: string; skus: Pick<SkuInfo, "sku_code" | "price" | "discount_price" | "inventory">[] }

/** The batch price update of listed products: every SKU with its price and, when set, its discount. */
export function toPriceUpdates(products: ListedSkus[]): PriceUpdate[] {
  return products.map((p) => ({
    productId: p.productId,
    skus: p.skus.map((s) => ({
      skuCode: s.sku_code,
      price: s.price,
      // Left out, AliExpress erases the discount; sent only when the mapping has one.
      ...(s.discount_price ? { discountPrice: s.discount_price } : {}),
    })),
  }))
}

/** The batch stock update of listed products: every SKU with its sellable quantity. */
export function toInventoryUpdates(products: ListedSkus[]): InventoryUpdate[] {
  return products.map((p) => ({
    productId: p.productId,
    skus: p.skus.map((s) => ({ skuCode: s.sku_code, inventory: s.inventory })),
  }))
}
