import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { ProductSeed } from "../../scripts/lib/store-setup"

export type BulkSeedTarget = {
  salesChannelId: string
  shippingProfileId: string
  stockLocationId: string
  categoryIds?: Record<string, string>
}

const variantSku = (seed: ProductSeed, color: string, size: string) =>
  `${seed.skuPrefix}-${color}-${size}`.toUpperCase().replace(/[^A-Z0-9-]/g, "")

/**
 * Creates a slice of benchmark products straight through the module services' bulk creates:
 * products with their options, variants and images in one call, one call for the price sets,
 * one for the inventory items and one for their levels, then the links (variant <-> price set,
 * variant <-> inventory item, product <-> sales channel, product <-> shipping profile) through
 * their link modules. The same rows createProductsWorkflow writes, without its per-product steps and events
 * (the bench starts its first sync itself), which is what makes 100,000 products fit in
 * minutes rather than most of an hour.
 */
export async function bulkCreateProducts(container: MedusaContainer, seeds: ProductSeed[], target: BulkSeedTarget): Promise<number> {
  const productModule = container.resolve(Modules.PRODUCT)
  const pricing = container.resolve(Modules.PRICING)
  const inventory = container.resolve(Modules.INVENTORY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const trace = process.env.BENCH_SEED_TRACE ? (label: string, t0: number) => process.stdout.write(`SEED_TRACE ${label} ${Date.now() - t0}\n`) : () => {}
  let t0 = Date.now()

  const products = await productModule.createProducts(
    seeds.map((seed) => ({
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
      images: seed.images.map((url) => ({ url })),
      thumbnail: seed.images[0],
      category_ids: seed.categoryHandle && target.categoryIds?.[seed.categoryHandle] ? [target.categoryIds[seed.categoryHandle]] : undefined,
      options: [
        { title: "Color", values: seed.colors },
        { title: "Size", values: seed.sizes },
      ],
      variants: seed.colors.flatMap((color) =>
        seed.sizes.map((size) => ({
          title: `${color} / ${size}`,
          sku: variantSku(seed, color, size),
          options: { Color: color, Size: size },
          manage_inventory: true,
        }))
      ),
    }))
  )
  trace("products", t0)
  t0 = Date.now()
  const seedByHandle = new Map(seeds.map((s) => [s.handle, s]))
  const variants = products.flatMap((p) => (p.variants ?? []).map((v) => ({ variant: v, seed: seedByHandle.get(p.handle!)! })))

  const [priceSets, items] = await Promise.all([
    pricing.createPriceSets(variants.map(({ seed }) => ({ prices: [{ amount: seed.price, currency_code: "usd" }] }))),
    inventory.createInventoryItems(variants.map(({ variant }) => ({ sku: variant.sku!, title: variant.title ?? undefined, requires_shipping: true }))),
  ])
  trace("prices+items", t0)
  t0 = Date.now()
  await inventory.createInventoryLevels(
    items.map((item, i) => ({ inventory_item_id: item.id, location_id: target.stockLocationId, stocked_quantity: variants[i].seed.stock }))
  )
  trace("levels", t0)
  t0 = Date.now()
  // Straight to each link's own service: link.create first looks for an existing link of each
  // one-to-one pair in one query with an OR per pair, which grows with the table (over 20 s per
  // slice by 10,000 products). These rows are new, so there is nothing to look for.
  await Promise.all([
    createLinks(link, [Modules.PRODUCT, "variant_id", Modules.PRICING, "price_set_id"], variants.map(({ variant }, i) => [variant.id, priceSets[i].id])),
    createLinks(
      link,
      [Modules.PRODUCT, "variant_id", Modules.INVENTORY, "inventory_item_id"],
      variants.map(({ variant }, i) => [variant.id, items[i].id, { required_quantity: 1 }])
    ),
    createLinks(link, [Modules.PRODUCT, "product_id", Modules.SALES_CHANNEL, "sales_channel_id"], products.map((p) => [p.id, target.salesChannelId])),
    createLinks(link, [Modules.PRODUCT, "product_id", Modules.FULFILLMENT, "shipping_profile_id"], products.map((p) => [p.id, target.shippingProfileId])),
  ])
  trace("links", t0)
  return products.length
}

type LinkRow = [string, string] | [string, string, Record<string, unknown>]

/** Creates rows of one link through its link module, in the orientation the link was defined in. */
async function createLinks(link: any, [moduleA, keyA, moduleB, keyB]: [string, string, string, string], rows: LinkRow[]): Promise<void> {
  const forward = link.getLinkModule(moduleA, keyA, moduleB, keyB)
  if (forward) {
    await forward.create(rows)
    return
  }
  const backward = link.getLinkModule(moduleB, keyB, moduleA, keyA)
  if (!backward) {
    throw new Error(`no link between ${moduleA}.${keyA} and ${moduleB}.${keyB}`)
  }
  await backward.create(rows.map(([a, b, extra]) => (extra ? [b, a, extra] : [b, a])))
}
