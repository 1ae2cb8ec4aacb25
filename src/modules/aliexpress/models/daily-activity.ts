import { model } from "@medusajs/framework/utils"

/**
 * How much happened per account, UTC day and kind (listings posted, orders imported, ...): one
 * row per day and kind, incremented in place, so the overview's 30-day charts read at most a
 * few hundred rows however large the catalogue.
 */
export const AliExpressDailyActivity = model
  .define("aliexpress_daily_activity", {
    id: model.id({ prefix: "aeact" }).primaryKey(),
    account_id: model.text(),
    /** the UTC day, YYYY-MM-DD */
    day: model.text(),
    kind: model.text(),
    count: model.number().default(0),
  })
  .indexes([{ on: ["account_id", "day", "kind"], unique: true, where: "deleted_at IS NULL" }])
