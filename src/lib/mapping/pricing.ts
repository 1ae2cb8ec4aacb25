import type { PriceRules, QuantityRules, SourceVariant } from "./types"

/** AliExpress's inventory ceiling per SKU. */
export const MAX_INVENTORY = 999999

/** Strip binary floating-point noise (e.g. 1.1 * 3 = 3.3000000000000003). */
const clean = (n: number) => Math.round(n * 1e6) / 1e6

const toCents = (n: number) => Math.round(clean(n * 100)) / 100

/**
 * Apply the price rules to a source amount (major units, e.g. 12.5 = 12.50):
 * 1. `convert`: multiply by `usd_rate` (store currency -> USD); `usd_price`: taken as USD;
 * 2. markup: `* (1 + markup_percent / 100)`;
 * 3. rounding:
 *    - `none`: unchanged (the payload formats it to the nearest cent),
 *    - `two_decimals`: nearest cent, halves up,
 *    - `whole`: up to the next whole dollar (12.00 -> 12, 12.01 -> 13),
 *    - `cents_99`: the smallest price ending in .99 that is not below the value
 *      (12.00 -> 12.99, 12.99 -> 12.99, 13.00 -> 13.99, 0.40 -> 0.99).
 * Returns undefined when the amount or the conversion rate is unusable.
 */
export function computePrice(amount: number, rules: PriceRules): number | undefined {
  if (!Number.isFinite(amount)) return undefined
  let value = amount
  if (rules.source === "convert") {
    if (rules.usd_rate === undefined || !Number.isFinite(rules.usd_rate) || rules.usd_rate <= 0) return undefined
    value *= rules.usd_rate
  }
  value *= 1 + (Number.isFinite(rules.markup_percent) ? rules.markup_percent : 0) / 100
  value = clean(value)
  switch (rules.rounding) {
    case "none":
      return value
    case "two_decimals":
      return toCents(value)
    case "whole":
      return Math.ceil(toCents(value))
    case "cents_99":
      return clean(Math.ceil(clean(toCents(value) - 0.99)) + 0.99)
  }
}

/** The payload form of a price: a string with 2 decimals. */
export function formatPrice(price: number): string {
  return toCents(price).toFixed(2)
}

/** The currency a variant's source price is read in, under the given rules. */
export function sourceCurrency(rules: PriceRules): string {
  return rules.source === "convert" ? (rules.store_currency ?? "").toLowerCase() : "usd"
}

/** A variant's source amount before the price rules: its USD price, or its store-currency price. */
export function sourceAmount(variant: Pick<SourceVariant, "prices">, rules: PriceRules): number | undefined {
  const currency = sourceCurrency(rules)
  if (!currency) return undefined
  for (const p of variant.prices) {
    if (p.currency_code.toLowerCase() === currency && Number.isFinite(p.amount)) return p.amount
  }
  return undefined
}

/** The AliExpress price of a variant under the rules (no template involved). */
export function variantPrice(variant: Pick<SourceVariant, "prices">, rules: PriceRules): number | undefined {
  const amount = sourceAmount(variant, rules)
  return amount === undefined ? undefined : computePrice(amount, rules)
}

/**
 * Inventory to publish: the sellable quantity minus the buffer, capped at `max_quantity`
 * (and AliExpress's 999999), never below 0, an integer. `Infinity` (stock not managed)
 * publishes the cap.
 */
export function computeInventory(sellable: number, rules: QuantityRules): number {
  if (Number.isNaN(sellable)) return 0
  const buffer = Number.isFinite(rules.buffer) && rules.buffer > 0 ? rules.buffer : 0
  let qty = sellable === Infinity ? Infinity : Math.floor(sellable) - Math.ceil(buffer)
  const max = rules.max_quantity
  if (max !== undefined && max !== null && Number.isFinite(max)) qty = Math.min(qty, Math.floor(max))
  qty = Math.min(qty, MAX_INVENTORY)
  return qty > 0 ? qty : 0
}

/** Sellable quantity of a variant: unlimited when Medusa does not manage its inventory. */
export function sellableOf(variant: Pick<SourceVariant, "id" | "manage_inventory">, stock: Record<string, number>): number {
  if (variant.manage_inventory === false) return Infinity
  return stock[variant.id] ?? 0
}
