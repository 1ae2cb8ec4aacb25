import { model } from "@medusajs/framework/utils"

export const FEED_JOB_STATUSES = ["submitted", "finished", "failed"] as const

/**
 * One feed job AliExpress accepted (`feed.submit`): the listings it carries, so its per-item
 * results can be put on them once `feed.query` has them. Kept in the table, not in memory, so
 * a job submitted before a restart is polled after it rather than submitted again.
 */
export const AliExpressFeedJob = model
  .define("aliexpress_feed_job", {
    id: model.id({ prefix: "aefeed" }).primaryKey(),
    account_id: model.text(),
    ae_job_id: model.text(),
    /** PRODUCT_PRICES_UPDATE or PRODUCT_STOCKS_UPDATE */
    operation: model.text(),
    status: model.enum([...FEED_JOB_STATUSES]).default("submitted"),
    /** [{ listing_id, ae_product_id, hash }]: the hash is stored on the listing once its item succeeds */
    items: model.json(),
    item_count: model.number(),
    succeeded_count: model.number().default(0),
    polls: model.number().default(0),
    next_poll_at: model.dateTime().nullable(),
    finished_at: model.dateTime().nullable(),
    last_error: model.text().nullable(),
  })
  .indexes([{ on: ["status", "next_poll_at"] }, { on: ["account_id", "ae_job_id"], unique: true, where: "deleted_at IS NULL" }])
