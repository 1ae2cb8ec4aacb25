import { applyRules, type PriceRules, type QuantityRules, type RuleInput } from "../mapping"
import { fullHash, type Hashes } from "./plan"
import { baseStamp, sourceStamp, type StampedRow } from "./source-stamp"
import type { UpdateCandidate } from "./updates"

export type RepriceableRow = StampedRow & {
  rule_inputs?: RuleInput[] | null
  product_title?: string | null
  sku_codes?: string[] | null
}

export type Repricing = {
  listing_id: string
  /** the listing's stamp under the new rules */
  source_stamp: string
  /** the price or stock update to send, as a page would plan it; null when AliExpress already has these prices and quantities */
  candidate: UpdateCandidate | null
}

/**
 * A listed product whose stamp no longer matches, but whose base stamp does: neither the
 * product nor anything else its content and rule inputs come from changed, only the price or
 * quantity rules did. Its SKUs are priced again from the stored inputs, which gives exactly
 * what mapping it again would (same amounts, same rules, same hashes), without loading it.
 * Null when that does not hold or the new price is not one AliExpress takes: the page maps
 * the product and says why.
 */
export function repriceByBaseStamp(
  row: RepriceableRow,
  productPrint: string | undefined,
  contexts: { full: string; base: string } | null,
  inChannel: boolean,
  rules: { priceRules: PriceRules; quantityRules: QuantityRules }
): Repricing | null {
  if (!productPrint || !contexts || !inChannel) return null
  if (!row.ae_product_id || !row.content_hash || !row.base_stamp || !row.rule_inputs?.length) return null
  if (row.base_stamp !== baseStamp(contexts.base, productPrint, row.content_hash, row.rule_inputs)) return null
  const priced = applyRules(row.rule_inputs, rules.priceRules, rules.quantityRules)
  if (!priced) return null
  const hashes: Hashes = { content: row.content_hash, price: priced.price, stock: priced.stock }
  if (row.refused_hash && row.refused_hash === fullHash(hashes)) return null
  const source_stamp = sourceStamp(productPrint, contexts.full, hashes)
  const send_price = row.price_hash !== hashes.price
  const send_stock = row.stock_hash !== hashes.stock
  if (!send_price && !send_stock) {
    return { listing_id: row.id, source_stamp, candidate: null }
  }
  const sku_codes = row.sku_codes ?? row.rule_inputs.map(([sku]) => sku)
  return {
    listing_id: row.id,
    source_stamp,
    candidate: {
      listing_id: row.id,
      ae_product_id: row.ae_product_id,
      title: row.product_title ?? null,
      sku_codes,
      skus: priced.skus,
      price_hash: send_price ? hashes.price : null,
      stock_hash: send_stock ? hashes.stock : null,
    },
  }
}
