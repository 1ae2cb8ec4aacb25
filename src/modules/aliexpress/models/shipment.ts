import { model } from "@medusajs/framework/utils"

export const SHIPMENT_STATUSES = ["pending", "sent", "failed"] as const

/** Outbox row: one Medusa shipment to push to AliExpress exactly once. */
export const AliExpressShipment = model
  .define("aliexpress_shipment", {
    id: model.id({ prefix: "aeshp" }).primaryKey(),
    account_id: model.text(),
    ae_order_id: model.text(),
    order_id: model.text(),
    fulfillment_id: model.text(),
    binding_id: model.text().nullable(),
    service_name: model.text(),
    tracking_number: model.text(),
    tracking_website: model.text().nullable(),
    send_type: model.enum(["all", "part"]),
    status: model.enum([...SHIPMENT_STATUSES]).default("pending"),
    pushed_service_name: model.text().nullable(),
    pushed_tracking_number: model.text().nullable(),
    attempts: model.number().default(0),
    next_attempt_at: model.dateTime().nullable(),
    last_error: model.text().nullable(),
    last_error_code: model.text().nullable(),
    last_attempt_at: model.dateTime().nullable(),
    sent_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["fulfillment_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["status", "next_attempt_at"] },
    { on: ["ae_order_id"] },
  ])
