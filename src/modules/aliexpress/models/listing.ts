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
] as const

/** Binding between a Medusa product and its AliExpress product. */
export const AliExpressListing = model
  .define("aliexpress_listing", {
    id: model.id({ prefix: "aelst" }).primaryKey(),
    account_id: model.text(),
    product_id: model.text(),
    product_title: model.text().nullable(),
    ae_product_id: model.text().nullable(),
    status: model.enum([...LISTING_STATUSES]).default("draft"),
    problems: model.json().nullable(),
    problem_count: model.number().default(0),
    sku_codes: model.json().nullable(),
    content_hash: model.text().nullable(),
    price_hash: model.text().nullable(),
    stock_hash: model.text().nullable(),
    last_payload: model.json().nullable(),
    last_error: model.text().nullable(),
    audit_reason: model.text().nullable(),
    attempts: model.number().default(0),
    last_synced_at: model.dateTime().nullable(),
    next_attempt_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["account_id", "product_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["account_id", "ae_product_id"], unique: true, where: "ae_product_id IS NOT NULL AND deleted_at IS NULL" },
    { on: ["status"] },
  ])
