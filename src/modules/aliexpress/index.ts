import { Module } from "@medusajs/framework/utils"
import AliExpressModuleService from "./service"

export const ALIEXPRESS_MODULE = "aliexpress"

export default Module(ALIEXPRESS_MODULE, {
  service: AliExpressModuleService,
})

export { AliExpressModuleService }
