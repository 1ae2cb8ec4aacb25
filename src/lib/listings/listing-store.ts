import type AliExpressModuleService from "../../modules/aliexpress/service"

/**
 * Updates one listing row. The json columns (problems, sku_codes, last_payload) hold arrays,
 * which the generated service types as records, hence the one cast here.
 */
export function saveListing(service: AliExpressModuleService, data: { id: string } & Record<string, unknown>) {
  return service.updateAliExpressListings(data as any)
}

export function createListing(service: AliExpressModuleService, data: Record<string, unknown>) {
  return service.createAliExpressListings(data as any)
}
