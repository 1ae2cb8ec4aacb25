import { model } from "@medusajs/framework/utils"

/** Image-bank cache: a source image (by content hash) uploaded once per account. */
export const AliExpressImage = model
  .define("aliexpress_image", {
    id: model.id({ prefix: "aeimg" }).primaryKey(),
    account_id: model.text(),
    source_url: model.text(),
    content_hash: model.text(),
    photobank_url: model.text(),
  })
  .indexes([
    { on: ["account_id", "content_hash"], unique: true, where: "deleted_at IS NULL" },
    { on: ["account_id", "source_url"] },
  ])
