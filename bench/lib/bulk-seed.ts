import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateEntityId, Modules } from "@medusajs/framework/utils"
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
 * variant <-> inventory item, product <-> sales channel, product <-> shipping profile) with one
 * INSERT per link table. The same rows createProductsWorkflow writes, without its per-product
 * steps and events (the bench starts its first sync itself), which is what makes 100,000
 * products fit in minutes rather than most of an hour.
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
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  await Promise.all([
    insertLinks(pg, LINK_TABLES.variantPriceSet, variants.map(({ variant }, i) => [variant.id, priceSets[i].id])),
    insertLinks(pg, LINK_TABLES.variantInventoryItem, variants.map(({ variant }, i) => [variant.id, items[i].id])),
    insertLinks(pg, LINK_TABLES.productSalesChannel, products.map((p) => [p.id, target.salesChannelId])),
    insertLinks(pg, LINK_TABLES.productShippingProfile, products.map((p) => [p.id, target.shippingProfileId])),
  ])
  trace("links", t0)
  return products.length
}

/**
 * The four links a product gets, as Medusa defines them (@medusajs/link-modules, definitions/):
 * table, id prefix and the two id columns. Each link row is plain (two ids, its own id, the
 * timestamps by column default, and required_quantity's default of 1), so one INSERT per
 * table writes exactly what the link module's create writes row by row through the ORM, where
 * it took about a tenth of a slice.
 */
const LINK_TABLES = {
  variantPriceSet: { table: "product_variant_price_set", idPrefix: "pvps", columns: ["variant_id", "price_set_id"] },
  variantInventoryItem: { table: "product_variant_inventory_item", idPrefix: "pvitem", columns: ["variant_id", "inventory_item_id"] },
  productSalesChannel: { table: "product_sales_channel", idPrefix: "prodsc", columns: ["product_id", "sales_channel_id"] },
  productShippingProfile: { table: "product_shipping_profile", idPrefix: "prodsp", columns: ["product_id", "shipping_profile_id"] },
} as const

type LinkTable = (typeof LINK_TABLES)[keyof typeof LINK_TABLES]

/** New rows of one link table in one statement (the rows are new: nothing to look up first). */
async function insertLinks(pg: any, link: LinkTable, rows: Array<[string, string]>): Promise<void> {
  const [a, b] = link.columns
  await pg.raw(`insert into "${link.table}" ("id", "${a}", "${b}") select * from unnest(?::text[], ?::text[], ?::text[])`, [
    rows.map(() => generateEntityId(undefined, link.idPrefix)),
    rows.map((r) => r[0]),
    rows.map((r) => r[1]),
  ])
}
