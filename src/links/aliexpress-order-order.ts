import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import AliExpressModule from "../modules/aliexpress"

/** An AliExpress order binding points at the one Medusa order made from it. */
export default defineLink(AliExpressModule.linkable.aliexpressOrder, OrderModule.linkable.order)
