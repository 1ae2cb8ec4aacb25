import { MethodDef } from "../context"
import { catalogMethods } from "./catalog"
import { logisticsMethods } from "./logistics"
import { orderMethods } from "./orders"
import { productMethods } from "./products"

/** Every business method the sandbox answers on `/sync`. */
export const METHODS: Record<string, MethodDef> = {
  ...catalogMethods,
  ...productMethods,
  ...orderMethods,
  ...logisticsMethods,
}
