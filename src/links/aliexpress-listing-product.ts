import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import AliExpressModule from "../modules/aliexpress"

/** A listing names its Medusa product by `product_id`: read-only, so no link table to keep in step. */
export default defineLink(
  { linkable: AliExpressModule.linkable.aliexpressListing, field: "product_id" },
  ProductModule.linkable.product,
  { readOnly: true }
)
