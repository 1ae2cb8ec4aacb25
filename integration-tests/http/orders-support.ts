import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createSeedProducts, sampleProductSeed, setupUsStore } from "../../scripts/lib/store-setup"
import { COLORS, teeJpeg } from "../../scripts/lib/demo-images"
import { connectSandbox, sandboxControl } from "../helpers/connect-sandbox"
import { sampleAttributeList } from "../../src/sandbox/category-attributes"

export const BUYER = { login_id: "us_buyer_77", first_name: "Emma", last_name: "Johnson", country: "US" }
export const ADDRESS = {
  contact_person: "Emma Johnson",
  address: "742 Evergreen Terrace",
  address2: "Apt 2",
  city: "Springfield",
  province: "Oregon",
  country: "US",
  zip: "97403",
  phone_number: "5415550100",
}

/**
 * A store ready for AliExpress orders: US store, connected sandbox account,
 * one tee product (4 variants, 10 in stock each) in the AliExpress channel,
 * and the same SKUs (plus `extraSkus`, unknown to Medusa) on sale in the sandbox.
 */
export async function prepareStore(
  container: MedusaContainer,
  api: any,
  admin: { headers: Record<string, string> },
  sandboxUrl: string,
  opts: { extraSkus?: string[]; settings?: Record<string, unknown>; sandboxInventory?: number } = {}
) {
  await sandboxControl(sandboxUrl, "/reset", { seed: "empty" })
  const store = await setupUsStore(container)
  // Orders are taxed through the region's tax provider; setupUsStore leaves it unset.
  const tax = container.resolve(Modules.TAX)
  const regions = await tax.listTaxRegions({ country_code: "us" })
  await tax.updateTaxRegions(regions.filter((r: any) => !r.provider_id).map((r: any) => ({ id: r.id, provider_id: "tp_system" })))
  const account = await connectSandbox(container, api, admin, sandboxUrl, opts.settings)
  const [product] = await createSeedProducts(container, [sampleProductSeed(1)], {
    salesChannelIds: [account.sales_channel_id],
    shippingProfileId: store.shippingProfileId,
    stockLocationId: store.stockLocationId,
  })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "title", "inventory_items.inventory_item_id"],
    filters: { product_id: product.id },
  })
  const skus = variants.map((v: any) => v.sku as string)
  await listOnSandbox(container, [...skus, ...(opts.extraSkus ?? [])], opts.sandboxInventory)
  return { store, account, product, variants: variants as any[], salesChannelId: account.sales_channel_id as string }
}

/** Puts the SKUs on sale in the sandbox directly through the client (the listing sync is not under test here). */
export async function listOnSandbox(container: MedusaContainer, skus: string[], inventory = 50) {
  const service: any = container.resolve("aliexpress")
  const client = service.getClient(await service.requireAccount())
  const { url } = await client.uploadImage({ fileName: "tee.jpg", bytes: teeJpeg(COLORS[Object.keys(COLORS)[0]], 64) })
  const { productId } = await client.postProduct({
    aliexpress_category_id: 200000346,
    language: "en",
    multi_language_subject_list: [{ language: "en", subject: "Classic Cotton Tee" }],
    multi_language_description_list: [{ language: "en", web_detail: "<p>Soft cotton tee</p>", mobile_detail: "<p>Soft cotton tee</p>" }],
    main_image_urls_list: [url],
    sku_info_list: skus.map((sku, i) => ({
      sku_code: sku,
      price: "19.99",
      inventory,
      sku_attributes_list: [{ sku_attribute_name: "Size", sku_attribute_value: `V${i + 1}` }],
    })),
    attribute_list: sampleAttributeList(200000346),
    package_length: 30,
    package_width: 25,
    package_height: 3,
    weight: "0.200",
    shipping_lead_time: 3,
    freight_template_id: 1000,
    service_policy_id: 0,
    product_unit: 100000015,
  })
  return productId as string
}

export async function placeSandboxOrder(
  sandboxUrl: string,
  items: Array<{ sku_code: string; quantity: number }>,
  extra: Record<string, unknown> = {}
): Promise<string> {
  const { order_id } = await sandboxControl(sandboxUrl, "/orders", {
    items,
    buyer: BUYER,
    address: ADDRESS,
    shipping_amount: "4.50",
    ...extra,
  })
  return String(order_id)
}

export async function waitFor<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 20000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) {
      return value
    }
    if (Date.now() > deadline) {
      throw new Error("condition not met in time")
    }
    await new Promise((r) => setTimeout(r, everyMs))
  }
}
