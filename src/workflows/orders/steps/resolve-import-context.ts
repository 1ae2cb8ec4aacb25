import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import type { ImportContext } from "../../../lib/orders/plan-order"

export const resolveImportContextStepId = "resolve-aliexpress-order-import-context"

/** Where orders of a currency go: the account's channel, a region in that currency, its stock locations and shipping options. A read. */
export const resolveImportContextStep = createStep(resolveImportContextStepId, async (input: { account_id: string; currency_code: string }, { container }) => {
  const currencyCode = input.currency_code
  const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const account = await service.requireAccount(input.account_id)
  const currency = (currencyCode ?? "usd").toLowerCase()

  const { data: regions } = await query.graph({
    entity: "region",
    fields: ["id", "currency_code", "payment_providers.id"],
  })
  const region =
    regions.find((r: any) => r.currency_code === currency && (r.payment_providers ?? []).some((p: any) => p?.id === "pp_system_default")) ??
    regions.find((r: any) => r.currency_code === currency)

  let locationIds: string[] = []
  let options: ImportContext["shipping_options"] = []
  if (account.sales_channel_id) {
    const { data: channels } = await query.graph({
      entity: "sales_channel",
      fields: [
        "id",
        "stock_locations.id",
        "stock_locations.fulfillment_sets.type",
        "stock_locations.fulfillment_sets.service_zones.shipping_options.id",
        "stock_locations.fulfillment_sets.service_zones.shipping_options.name",
        "stock_locations.fulfillment_sets.service_zones.shipping_options.provider_id",
      ],
      filters: { id: account.sales_channel_id },
    })
    const locations = (channels[0]?.stock_locations ?? []).filter(Boolean) as any[]
    const wanted = (account.stock_location_ids as string[] | null) ?? null
    locationIds = locations.map((l) => l.id).filter((id) => !wanted?.length || wanted.includes(id))
    options = locations
      .filter((l) => locationIds.includes(l.id))
      .flatMap((l) => (l.fulfillment_sets ?? []).filter((s: any) => s?.type !== "pickup"))
      .flatMap((s: any) => s.service_zones ?? [])
      .flatMap((z: any) => z?.shipping_options ?? [])
      .filter(Boolean)
      .map((o: any) => ({ id: o.id, name: o.name, provider_id: o.provider_id ?? null }))
  }

  const context: ImportContext = {
    account_id: account.id,
    sales_channel_id: account.sales_channel_id ?? null,
    region_id: region?.id ?? null,
    location_ids: locationIds,
    shipping_options: options,
    carrier_mapping: (account.carrier_mapping as Record<string, string> | null) ?? {},
  }
  return new StepResponse(context)
})
