import { model } from "@medusajs/framework/utils"

export const ORDER_BINDING_STATUSES = ["importing", "imported", "held", "failed", "canceled"] as const

/** Binding between an AliExpress order and the Medusa order made from it. */
export const AliExpressOrder = model
  .define("aliexpress_order", {
    id: model.id({ prefix: "aeord" }).primaryKey(),
    account_id: model.text(),
    ae_order_id: model.text(),
    order_id: model.text().nullable(),
    status: model.enum([...ORDER_BINDING_STATUSES]).default("importing"),
    ae_status: model.text().nullable(),
    ae_end_reason: model.text().nullable(),
    buyer_login_id: model.text().nullable(),
    total_amount: model.text().nullable(),
    currency_code: model.text().default("usd"),
    ship_by: model.dateTime().nullable(),
    problems: model.json().nullable(),
    last_error: model.text().nullable(),
    attempts: model.number().default(0),
    ae_created_at: model.dateTime().nullable(),
    ae_updated_at: model.dateTime().nullable(),
    imported_at: model.dateTime().nullable(),
    last_attempt_at: model.dateTime().nullable(),
    /** when a held or failed order is tried again (its back-off), or an import claim counts as abandoned */
    next_attempt_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["account_id", "ae_order_id"], unique: true },
    { on: ["order_id"] },
    { on: ["status"] },
    { on: ["ae_status"] },
    { on: ["next_attempt_at"] },
  ])
