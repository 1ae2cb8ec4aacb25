import { model } from "@medusajs/framework/utils"

/** A named table mapping merchant values to AliExpress values. */
export const AliExpressLookupList = model
  .define("aliexpress_lookup_list", {
    id: model.id({ prefix: "aelkp" }).primaryKey(),
    name: model.text(),
    description: model.text().nullable(),
    entries: model.json(),
  })
  .indexes([{ on: ["name"], unique: true, where: "deleted_at IS NULL" }])
