import { priceHash, stockHash } from "./hash"
import { computeInventory, computePrice, formatPrice } from "./pricing"
import type { PostProductRequest, SkuInfo } from "./payload"
import type { ResolvedVariant } from "./resolve-listing"
import type { PriceRules, QuantityRules } from "./types"
import { priceInRange } from "./validate"

/**
 * What one SKU's price and quantity are made from before the price and quantity rules:
 * [SKU code, amount (null: none), sellable quantity (null: stock not managed)].
 */
export type RuleInput = [string, number | null, number | null]

/** The rule inputs of a mapped product's SKUs, in the payload's order. */
export function ruleInputsOf(variants: ResolvedVariant[]): RuleInput[] {
  return variants.map((rv) => [rv.skuCode, rv.amount ?? null, rv.sellable === Infinity ? null : rv.sellable])
}

export type PricedSkus = {
  skus: Pick<SkuInfo, "sku_code" | "price" | "inventory">[]
  /** the price and stock hashes a full mapping under these rules would make */
  price: string
  stock: string
}

/**
 * The SKUs' prices and quantities under the given rules, exactly as the mapping computes them
 * (see resolveVariant and shape), with the hashes it would make of them. Null when a price
 * would be missing or out of AliExpress' range: only the full mapping says why, with its hint.
 */
export function applyRules(inputs: RuleInput[], priceRules: PriceRules, quantityRules: QuantityRules): PricedSkus | null {
  const skus: PricedSkus["skus"] = []
  for (const [sku_code, amount, sellable] of inputs) {
    const price = amount === null ? undefined : computePrice(amount, priceRules)
    if (price === undefined || !priceInRange(price)) return null
    skus.push({ sku_code, price: formatPrice(price), inventory: computeInventory(sellable ?? Infinity, quantityRules) })
  }
  const payload = { sku_info_list: skus } as PostProductRequest
  return { skus, price: priceHash(payload), stock: stockHash(payload) }
}
