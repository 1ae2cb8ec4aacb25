/** The account settings that change what is sent for every listing: prices, quantities and the template. */
export const LISTING_RULE_FIELDS = [
  "price_source",
  "usd_rate",
  "markup_percent",
  "price_rounding",
  "stock_buffer",
  "max_quantity",
  "stock_location_ids",
  "sales_channel_id",
  "template_id",
] as const

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** Whether saving `next` over `prev` changes a price or quantity rule (a field left out keeps its value). */
export function listingRulesChanged(prev: Record<string, unknown> | null, next: Record<string, unknown>): boolean {
  if (!prev) {
    return false
  }
  return LISTING_RULE_FIELDS.some((field) => field in next && next[field] !== undefined && !same(prev[field], next[field]))
}
