import type { SourceProduct } from "../mapping"

/** The `query.graph` fields a listing needs: what the mapping engine reads, plus inventory. Channel membership is read apart, for the whole page at once. */
export const LISTING_PRODUCT_FIELDS = [
  "id",
  "title",
  "subtitle",
  "description",
  "handle",
  "material",
  "weight",
  "length",
  "width",
  "height",
  "origin_country",
  "hs_code",
  "thumbnail",
  "status",
  "metadata",
  "images.id",
  "images.url",
  "images.rank",
  "tags.id",
  "tags.value",
  "type.value",
  "collection.title",
  "collection.handle",
  "categories.id",
  "categories.name",
  "categories.handle",
  "options.id",
  "options.title",
  "options.values.id",
  "options.values.value",
  "variants.id",
  "variants.sku",
  "variants.title",
  "variants.barcode",
  "variants.weight",
  "variants.length",
  "variants.width",
  "variants.height",
  "variants.material",
  "variants.metadata",
  "variants.manage_inventory",
  "variants.allow_backorder",
  "variants.variant_rank",
  "variants.options.id",
  "variants.options.value",
  "variants.options.option.title",
  "variants.prices.id",
  "variants.prices.amount",
  "variants.prices.currency_code",
  "variants.prices.price_rules.attribute",
  "variants.prices.price_list_id",
  "variants.inventory_items.inventory_item_id",
  "variants.inventory_items.required_quantity",
]

export type InventoryRequirement = { inventory_item_id: string; required_quantity: number }

/** A product as loaded for listing: the engine's input plus what the sync needs around it. */
export type ListingProduct = {
  source: SourceProduct
  inventory: Record<string, InventoryRequirement[]>
}

const num = (v: unknown): number | null => (v === null || v === undefined || v === "" ? null : Number(v))

/**
 * A list of rows by id: their creation order. The modules return lists in no set order (the
 * table's physical order, which an update changes), and the listing hashes must not move with it.
 */
const byId = (rows: any[] | undefined | null): any[] => sortedBy(rows, "id")

const sortedBy = (rows: any[] | undefined | null, key: string): any[] =>
  [...(rows ?? [])].sort((a, b) => String(a[key] ?? "").localeCompare(String(b[key] ?? "")))

/** Only base prices (no price list, no rules) are the variant's price for a marketplace. */
function basePrices(prices: any[] | undefined): { amount: number; currency_code: string }[] {
  return byId(prices)
    .filter((p) => !p.price_list_id && !(p.price_rules ?? []).length)
    .map((p) => ({ amount: Number(p.amount), currency_code: String(p.currency_code) }))
}

/** Shapes a `query.graph` product row into the mapping engine's SourceProduct. */
export function toListingProduct(raw: any): ListingProduct {
  const images = byId(raw.images).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
  const variants = byId(raw.variants).sort((a, b) => (a.variant_rank ?? 0) - (b.variant_rank ?? 0))
  const source: SourceProduct = {
    id: raw.id,
    title: raw.title ?? "",
    subtitle: raw.subtitle,
    description: raw.description,
    handle: raw.handle,
    material: raw.material,
    weight: num(raw.weight),
    length: num(raw.length),
    width: num(raw.width),
    height: num(raw.height),
    origin_country: raw.origin_country,
    hs_code: raw.hs_code,
    thumbnail: raw.thumbnail,
    status: raw.status,
    images: images.map((i) => ({ url: i.url })),
    tags: byId(raw.tags).map((t: any) => ({ value: t.value })),
    type: raw.type ? { value: raw.type.value } : null,
    collection: raw.collection ? { title: raw.collection.title, handle: raw.collection.handle } : null,
    categories: byId(raw.categories).map((c: any) => ({ id: c.id, name: c.name, handle: c.handle })),
    metadata: raw.metadata ?? null,
    options: byId(raw.options).map((o: any) => ({
      title: o.title,
      values: byId(o.values).map((v: any) => ({ value: v.value })),
    })),
    variants: variants.map((v: any) => ({
      id: v.id,
      sku: v.sku,
      title: v.title,
      barcode: v.barcode,
      weight: num(v.weight),
      length: num(v.length),
      width: num(v.width),
      height: num(v.height),
      material: v.material,
      metadata: v.metadata ?? null,
      manage_inventory: v.manage_inventory,
      allow_backorder: v.allow_backorder,
      options: byId(v.options).map((o: any) => ({
        value: o.value,
        option: o.option ? { title: o.option.title } : null,
      })),
      prices: basePrices(v.prices),
    })),
  }
  const inventory: Record<string, InventoryRequirement[]> = {}
  for (const v of variants) {
    inventory[v.id] = sortedBy(v.inventory_items, "inventory_item_id").map((ii: any) => ({
      inventory_item_id: ii.inventory_item_id,
      required_quantity: Number(ii.required_quantity ?? 1) || 1,
    }))
  }
  return { source, inventory }
}
