import { model } from "@medusajs/framework/utils"

export const LISTING_STATUSES = [
  "draft",
  "invalid",
  "pending",
  "auditing",
  "live",
  "rejected",
  "offline",
  "error",
  /** AliExpress answered with a product status this plugin does not know */
  "unknown",
] as const

/**
 * Binding between a Medusa product and its AliExpress product. A row with no
 * `product_id` is an AliExpress product found on the account that matched no
 * Medusa product by SKU: it waits to be bound by hand.
 */
export const AliExpressListing = model
  .define("aliexpress_listing", {
    id: model.id({ prefix: "aelst" }).primaryKey(),
    account_id: model.text(),
    product_id: model.text().nullable(),
    product_title: model.text().nullable(),
    /** lower-cased title and SKU codes, for the admin search */
    search_text: model.text().nullable(),
    ae_product_id: model.text().nullable(),
    /** AliExpress' own status word as last read (onSelling, auditing, ...) */
    ae_status: model.text().nullable(),
    status: model.enum([...LISTING_STATUSES]).default("draft"),
    problems: model.json().nullable(),
    problem_count: model.number().default(0),
    sku_codes: model.json().nullable(),
    content_hash: model.text().nullable(),
    price_hash: model.text().nullable(),
    stock_hash: model.text().nullable(),
    /** hash of a payload AliExpress refused: not sent again until the product changes */
    refused_hash: model.text().nullable(),
    /**
     * Fingerprint of everything the last mapping of this listing read (the product's rows,
     * prices, stock, mapping settings) together with the three hashes that mapping produced:
     * while it still matches, the reconcile knows the product is unchanged without mapping it.
     */
    source_stamp: model.text().nullable(),
    /**
     * The same for the listing's content before the price and quantity rules, with the amounts
     * and quantities its SKUs were priced from (`rule_inputs`): while it matches, a change of
     * markup, rate, rounding, buffer or maximum is the stored inputs priced again, with no
     * product loaded or mapped.
     */
    base_stamp: model.text().nullable(),
    rule_inputs: model.json().nullable(),
    last_payload: model.json().nullable(),
    last_error: model.text().nullable(),
    audit_reason: model.text().nullable(),
    attempts: model.number().default(0),
    last_synced_at: model.dateTime().nullable(),
    next_attempt_at: model.dateTime().nullable(),
    /** set by events and "sync now"; the sync run takes and clears it (the queue lives in the table) */
    sync_requested_at: model.dateTime().nullable(),
    /** set just before product.post: if still set with no product id, the post may have landed */
    post_started_at: model.dateTime().nullable(),
    /** when it was last sent for review: its verdict is asked for often at first, then less */
    submitted_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["account_id", "product_id"], unique: true, where: "product_id IS NOT NULL AND deleted_at IS NULL" },
    { on: ["account_id", "ae_product_id"], unique: true, where: "ae_product_id IS NOT NULL AND deleted_at IS NULL" },
    { on: ["status"] },
    // The queue, read a page at a time in this order: a rule change queues every listing at the
    // same instant, and with the time alone each page sorted all the tied rows.
    { on: ["account_id", "sync_requested_at", "id"], where: "sync_requested_at IS NOT NULL" },
  ])
