import {
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createLocationFulfillmentSetWorkflow,
  createTaxRegionsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

export type StoreSetup = {
  regionId: string
  stockLocationId: string
  shippingProfileId: string
  shippingOptionId: string
}

/**
 * A US/USD store that can take marketplace orders through Medusa's own flows:
 * region with the system payment provider, a stock location served by the
 * manual fulfillment provider, a fulfillment set, a service zone, a shipping
 * option and a shipping profile. Idempotent: reuses what exists.
 */
export async function setupUsStore(container: MedusaContainer): Promise<StoreSetup> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)

  const storeModule = container.resolve(Modules.STORE)
  const [store] = await storeModule.listStores()
  if (store) {
    await updateStoresWorkflow(container).run({
      input: {
        selector: { id: store.id },
        update: { supported_currencies: [{ currency_code: "usd", is_default: true }] },
      },
    })
  }

  const { data: regions } = await query.graph({ entity: "region", fields: ["id", "currency_code"] })
  let regionId = regions.find((r: any) => r.currency_code === "usd")?.id
  if (!regionId) {
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: [
          { name: "United States", currency_code: "usd", countries: ["us"], payment_providers: ["pp_system_default"] },
        ],
      },
    })
    regionId = result[0].id
    await createTaxRegionsWorkflow(container).run({ input: [{ country_code: "us", provider_id: "tp_system" }] })
  }

  const { data: locations } = await query.graph({
    entity: "stock_location",
    fields: ["id", "name", "fulfillment_sets.id", "fulfillment_sets.service_zones.id"],
  })
  let location: any = locations.find((l: any) => l.name === "US Warehouse")
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: { locations: [{ name: "US Warehouse", address: { address_1: "1 Market St", city: "San Francisco", country_code: "US" } }] },
    })
    location = { ...result[0], fulfillment_sets: [] }
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
    })
  }

  const fulfillment = container.resolve(Modules.FULFILLMENT)
  let [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  if (!profile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    })
    profile = result[0] as any
  }

  let serviceZoneId: string | undefined = location.fulfillment_sets?.[0]?.service_zones?.[0]?.id
  if (!serviceZoneId) {
    await createLocationFulfillmentSetWorkflow(container).run({
      input: { location_id: location.id, fulfillment_set_data: { name: "US Warehouse shipping", type: "shipping" } },
    })
    const { data } = await query.graph({
      entity: "stock_location",
      fields: ["fulfillment_sets.id"],
      filters: { id: location.id },
    })
    const setId = data[0].fulfillment_sets[0].id
    const zone = await fulfillment.createServiceZones({
      name: "United States",
      fulfillment_set_id: setId,
      geo_zones: [{ type: "country", country_code: "us" }],
    })
    serviceZoneId = zone.id
  }

  const [existingOption] = await fulfillment.listShippingOptions({ service_zone_id: serviceZoneId })
  let shippingOptionId = existingOption?.id
  if (!shippingOptionId) {
    const { result } = await createShippingOptionsWorkflow(container).run({
      input: [
        {
          name: "Standard Shipping",
          price_type: "flat",
          provider_id: "manual_manual",
          service_zone_id: serviceZoneId,
          shipping_profile_id: profile.id,
          type: { label: "Standard", description: "Ships in 2-3 days", code: "standard" },
          prices: [
            { currency_code: "usd", amount: 5 },
            { region_id: regionId, amount: 5 },
          ],
          rules: [
            { attribute: "enabled_in_store", value: "true", operator: "eq" },
            { attribute: "is_return", value: "false", operator: "eq" },
          ],
        },
      ],
    })
    shippingOptionId = result[0].id
  }

  return { regionId, stockLocationId: location.id, shippingProfileId: profile.id, shippingOptionId }
}

export type ProductSeed = {
  title: string
  handle: string
  description: string
  weight?: number
  length?: number
  width?: number
  height?: number
  images: string[]
  colors: string[]
  sizes: string[]
  price: number
  stock: number
  skuPrefix: string
  metadata?: Record<string, unknown>
  categoryHandle?: string
  /** AliExpress's Material attribute reads it ("Cotton, Polyester" for several) */
  material?: string | null
  /** ISO 3166 code: AliExpress's Origin attribute reads it */
  origin_country?: string | null
}

/** Creates products with Color/Size variants, USD prices and stock at the location. */
export async function createSeedProducts(
  container: MedusaContainer,
  seeds: ProductSeed[],
  opts: { salesChannelIds: string[]; shippingProfileId: string; stockLocationId: string; categoryIds?: Record<string, string> }
): Promise<any[]> {
  const { result } = await createProductsWorkflow(container).run({
    input: {
      products: seeds.map((seed) => ({
        title: seed.title,
        handle: seed.handle,
        description: seed.description,
        status: "published" as any,
        weight: seed.weight,
        length: seed.length,
        width: seed.width,
        height: seed.height,
        metadata: seed.metadata,
        material: seed.material ?? undefined,
        origin_country: seed.origin_country ?? undefined,
        shipping_profile_id: opts.shippingProfileId,
        images: seed.images.map((url) => ({ url })),
        thumbnail: seed.images[0],
        category_ids: seed.categoryHandle && opts.categoryIds?.[seed.categoryHandle] ? [opts.categoryIds[seed.categoryHandle]] : undefined,
        options: [
          { title: "Color", values: seed.colors },
          { title: "Size", values: seed.sizes },
        ],
        variants: seed.colors.flatMap((color) =>
          seed.sizes.map((size) => ({
            title: `${color} / ${size}`,
            sku: `${seed.skuPrefix}-${color}-${size}`.toUpperCase().replace(/[^A-Z0-9-]/g, ""),
            options: { Color: color, Size: size },
            manage_inventory: true,
            prices: [{ amount: seed.price, currency_code: "usd" }],
          }))
        ),
        sales_channels: opts.salesChannelIds.map((id) => ({ id })),
      })),
    },
  })

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "product_id", "inventory_items.inventory_item_id"],
    filters: { product_id: result.map((p) => p.id) },
  })
  const stockByProduct = new Map(result.map((p, i) => [p.id, seeds[i].stock]))
  const levels = variants.flatMap((v: any) =>
    (v.inventory_items ?? []).map((ii: any) => ({
      inventory_item_id: ii.inventory_item_id,
      location_id: opts.stockLocationId,
      stocked_quantity: stockByProduct.get(v.product_id) ?? 0,
    }))
  )
  if (levels.length) {
    await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: levels } })
  }
  return result
}

/** A plain valid product seed for tests. */
export function sampleProductSeed(i: number, overrides: Partial<ProductSeed> = {}): ProductSeed {
  return {
    title: `Classic Cotton Tee ${i}`,
    handle: `classic-cotton-tee-${i}`,
    description: `<p>Soft <b>cotton</b> t-shirt number ${i}.</p><ul><li>100% cotton</li><li>Machine washable</li></ul>`,
    weight: 200,
    length: 30,
    width: 25,
    height: 3,
    images: [`http://localhost:9000/static/tee-${i}-front.jpg`, `http://localhost:9000/static/tee-${i}-back.png`],
    colors: ["Red", "Blue"],
    sizes: ["M", "L"],
    price: 19.99,
    stock: 10,
    skuPrefix: `TEE${i}`,
    metadata: { brand: "Acme" },
    material: "Cotton",
    origin_country: "cn",
    ...overrides,
  }
}
