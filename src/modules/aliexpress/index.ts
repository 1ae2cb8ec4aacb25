import { Module } from "@medusajs/framework/utils"
import AliExpressModuleService from "./service"
import validateAliExpressOptions from "./loaders/validate-options"

export const ALIEXPRESS_MODULE = "aliexpress"

export default Module(ALIEXPRESS_MODULE, {
  service: AliExpressModuleService,
  loaders: [validateAliExpressOptions],
})

export { AliExpressModuleService }
