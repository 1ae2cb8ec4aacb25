import { model } from "@medusajs/framework/utils"

/**
 * A leaf category's attribute definitions as AliExpress answered sku.attribute.query, per
 * account: read once and kept, so a sync asks AliExpress once per category, not per product.
 */
export const AliExpressCategoryAttributes = model
  .define("aliexpress_category_attributes", {
    id: model.id({ prefix: "aecat" }).primaryKey(),
    account_id: model.text(),
    category_id: model.text(),
    /** CategoryAttributeDef[] (src/lib/mapping) */
    attributes: model.json(),
    /** SkuAttributeDef[] */
    sku_attributes: model.json(),
    fetched_at: model.dateTime(),
  })
  .indexes([{ on: ["account_id", "category_id"], unique: true, where: "deleted_at IS NULL" }])
