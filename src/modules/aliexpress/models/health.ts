import { model } from "@medusajs/framework/utils"

/**
 * What the account's health is made of. The three jobs record each run; the two conditions are
 * looked at on their own schedule: the refresh token running out within days, listings that
 * AliExpress' review rejected.
 */
export const HEALTH_SUBJECTS = ["order_import", "listing_sync", "shipment_push", "token_expiry", "listing_review"] as const

/**
 * One row per account and subject, shared by every Medusa process of the app (server and
 * workers), so the health shown and the "once per incident" of the notifications hold across
 * them. An incident is open while `incident_started_at` is set.
 */
export const AliExpressHealth = model
  .define("aliexpress_health", {
    id: model.id({ prefix: "aehlt" }).primaryKey(),
    account_id: model.text(),
    subject: model.enum([...HEALTH_SUBJECTS]),
    last_success_at: model.dateTime().nullable(),
    last_failure_at: model.dateTime().nullable(),
    last_failure_reason: model.text().nullable(),
    consecutive_failures: model.number().default(0),
    incident_started_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["account_id", "subject"], unique: true, where: "deleted_at IS NULL" }])
