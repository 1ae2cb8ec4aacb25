import { createHash } from "node:crypto"
import { stableStringify, type PriceRules, type QuantityRules, type RuleInput } from "../mapping"
import type { Hashes, ListingRow, PlannedListing } from "./plan"

/**
 * Bump when the mapping engine changes what it makes of the same product: every stamp then
 * differs, and the next reconcile maps every product again.
 */
// 2: lists (tags, categories, options, values, prices) ordered by id, not as the modules return them
export const SOURCE_STAMP_VERSION = 2

/**
 * Everything a mapping reads besides the product's own rows, in one fingerprint: the mapping
 * setup (template, lookup lists, price and quantity rules, the seller's template ids), the
 * stock locations that count, and the kept category attribute definitions.
 */
export function contextPrint(parts: { setup: unknown; locationIds: string[]; categories: unknown }): string {
  return sha256(stableStringify({ version: SOURCE_STAMP_VERSION, ...parts }))
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex")

type RuledSetup = { priceRules: PriceRules; quantityRules: QuantityRules }

/**
 * The context without the rules a listing's stored rule inputs can be priced with again (markup,
 * conversion rate, rounding, stock buffer and maximum): what stays is everything that decides
 * which amount and quantity a SKU starts from (the price source, the store currency, the
 * template, the stock locations), and all the rest of the mapping.
 */
export function baseContextPrint(parts: { setup: RuledSetup; locationIds: string[]; categories: unknown }): string {
  const { priceRules, quantityRules, ...rest } = parts.setup
  const setup = { ...rest, priceRules: { source: priceRules.source, store_currency: priceRules.store_currency } }
  return sha256(stableStringify({ version: SOURCE_STAMP_VERSION, base: true, ...parts, setup }))
}

/**
 * The stamp of a listing's content before the price and quantity rules: its product, the base
 * context, its content hash and the rule inputs that mapping found. While it matches, the
 * listing's prices and quantities under new rules are its rule inputs priced again.
 */
export function baseStamp(baseContext: string, productPrint: string, contentHash: string, inputs: RuleInput[]): string {
  return sha256(`${baseContext}:${productPrint}:${contentHash}:${stableStringify(inputs)}`)
}

/** The stamp columns stored with a fully planned listing's hashes. */
export function stampFields(plan: Pick<PlannedListing, "source_stamp" | "base_stamp" | "rule_inputs">) {
  return { source_stamp: plan.source_stamp ?? null, base_stamp: plan.base_stamp ?? null, rule_inputs: (plan.base_stamp && plan.rule_inputs) || null }
}

/**
 * The stamp of a listing: what the mapping read (the product's fingerprint and the context's)
 * together with the three hashes it made of it. Stored when those hashes are what AliExpress
 * has; while the product, the context and the stored hashes stay the same, mapping the product
 * again would give the same hashes, so there is nothing to send.
 */
export function sourceStamp(productPrint: string, context: string, hashes: Hashes): string {
  return sha256(`${context}:${productPrint}:${hashes.content}:${hashes.price}:${hashes.stock}`)
}

/** Statuses whose listing, with unchanged hashes, plans to nothing at all (see planListing). */
export const QUIET_STATUSES = ["auditing", "live", "rejected", "unknown"]
const QUIET = new Set(QUIET_STATUSES)

export type StampedRow = ListingRow & { source_stamp?: string | null; base_stamp?: string | null }

/**
 * True when the listing is known to be unchanged: listed, in a status that an unchanged
 * product leaves as it is, and its stored stamp is the one its current product and context
 * give with its current hashes. Anything else (no fingerprint, a hash reset, a changed row,
 * price, stock level or setting) is mapped as usual.
 */
export function unchangedByStamp(row: StampedRow, productPrint: string | undefined, context: string | null, inChannel: boolean): boolean {
  if (!productPrint || !context || !inChannel || !row.source_stamp) return false
  if (!row.ae_product_id || !QUIET.has(row.status)) return false
  if (!row.content_hash || !row.price_hash || !row.stock_hash) return false
  const hashes = { content: row.content_hash, price: row.price_hash, stock: row.stock_hash }
  return row.source_stamp === sourceStamp(productPrint, context, hashes)
}

/** The stamp of a fully planned listing's own hashes (stored once AliExpress has them). */
export function planStamp(plan: { hashes: Hashes | null }, productPrint: string | undefined, context: string | null): string | null {
  return productPrint && context && plan.hashes ? sourceStamp(productPrint, context, plan.hashes) : null
}

/** The base stamp of a fully planned listing (see baseStamp), stored with its stamp. */
export function planBaseStamp(
  plan: { hashes: Hashes | null; rule_inputs?: RuleInput[] | null },
  productPrint: string | undefined,
  baseContext: string | null
): string | null {
  return productPrint && baseContext && plan.hashes && plan.rule_inputs ? baseStamp(baseContext, productPrint, plan.hashes.content, plan.rule_inputs) : null
}

/**
 * True when a fully planned listing's stamp may be stored right away: the plan sends nothing
 * and the listing's hashes are exactly the ones this mapping made (so AliExpress has them).
 * A post or edit stores its stamp with its hashes once AliExpress took it.
 */
export function stampableNow(row: StampedRow, plan: { action: string; status?: string; online: boolean; hashes: Hashes | null }): boolean {
  if (!plan.hashes || plan.action !== "none" || plan.status || plan.online) return false
  const { content, price, stock } = plan.hashes
  return row.content_hash === content && row.price_hash === price && row.stock_hash === stock
}
