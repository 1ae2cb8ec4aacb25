import type { Hashes, ListingRow } from "../../../src/lib/listings/plan"

/** A live listing on AliExpress whose stored hashes are `sent`. */
export function listedRow(sent: Hashes): ListingRow {
  return {
    id: "aelst_1",
    product_id: "prod_1",
    ae_product_id: "100500",
    ae_status: "onSelling",
    status: "live",
    content_hash: sent.content,
    price_hash: sent.price,
    stock_hash: sent.stock,
    refused_hash: null,
    problem_count: 0,
    post_started_at: null,
    next_attempt_at: null,
  }
}
