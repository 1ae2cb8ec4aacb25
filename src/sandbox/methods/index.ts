import { MethodDef } from "../context"
import { catalogMethods } from "./catalog"
import { feedMethods } from "./feeds"
import { logisticsMethods } from "./logistics"
import { orderMethods } from "./orders"
import { productMethods } from "./products"
import { productSchemaMethods } from "./product-schema"

/** Every business method the sandbox answers on `/sync`. */
export const METHODS: Record<string, MethodDef> = {
  ...catalogMethods,
  ...productMethods,
  ...orderMethods,
  ...logisticsMethods,
  ...feedMethods,
  ...productSchemaMethods,
}
