import { model } from "@medusajs/framework/utils"

/** A ChannelAdvisor-style mapping template: one source per AliExpress field. */
export const AliExpressTemplate = model.define("aliexpress_template", {
  id: model.id({ prefix: "aetpl" }).primaryKey(),
  name: model.text(),
  is_default: model.boolean().default(false),
  fields: model.json(),
  /** AliExpress attribute name -> its mapping; null on templates saved before attribute mapping */
  attributes: model.json().nullable(),
  settings: model.json(),
})
