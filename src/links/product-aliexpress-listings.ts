import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import AliExpressModule from "../modules/aliexpress"

/** A product's AliExpress listings (one per account), read through `query.graph` from the product side. */
export default defineLink(
  { linkable: ProductModule.linkable.product, field: "id" },
  { ...AliExpressModule.linkable.aliexpressListing.id, primaryKey: "product_id" },
  { readOnly: true, isList: true }
)
