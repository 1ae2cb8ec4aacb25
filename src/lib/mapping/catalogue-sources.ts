import { compilePath, describePath, valueText, type Value } from "./paths"
import type { SourceProduct } from "./types"

export type SourceGroup = "product" | "organize" | "media" | "options" | "variant" | "metadata"

/** One attribute the template can read, with what the merchant's own products hold in it. */
export type CatalogueSource = {
  path: string
  label: string
  group: SourceGroup
  /** where the merchant edits it in Medusa's admin */
  where: string
  /** distinct values found, at most MAX_EXAMPLES, each cut to MAX_EXAMPLE_LENGTH */
  examples: string[]
  /** sampled products holding a value */
  products: number
}

/** Values of the organising entities, read apart in small bounded queries. */
export type CatalogueExtras = {
  categories?: { name: string; handle: string }[]
  collections?: { title: string; handle: string }[]
  types?: string[]
  tags?: string[]
}

const MAX_EXAMPLES = 3
const MAX_EXAMPLE_LENGTH = 80
/** Variants looked at per product: enough to find the option and price spellings in use. */
const VARIANTS_PER_PRODUCT = 5
/** Metadata keys offered: a catalogue with hundreds of keys still yields a readable picker. */
const MAX_METADATA_KEYS = 40

const FIXED: { path: string; label: string; group: SourceGroup }[] = [
  { path: "title", label: "Title", group: "product" },
  { path: "subtitle", label: "Subtitle", group: "product" },
  { path: "description", label: "Description", group: "product" },
  { path: "handle", label: "Handle", group: "product" },
  { path: "material", label: "Material", group: "product" },
  { path: "origin_country", label: "Country of origin", group: "product" },
  { path: "hs_code", label: "HS code", group: "product" },
  { path: "weight", label: "Weight", group: "product" },
  { path: "length", label: "Length", group: "product" },
  { path: "width", label: "Width", group: "product" },
  { path: "height", label: "Height", group: "product" },
  { path: "categories.name", label: "Category name", group: "organize" },
  { path: "categories.handle", label: "Category handle", group: "organize" },
  { path: "collection", label: "Collection", group: "organize" },
  { path: "collection.handle", label: "Collection handle", group: "organize" },
  { path: "type", label: "Product type", group: "organize" },
  { path: "tags", label: "Tags", group: "organize" },
  { path: "thumbnail", label: "Thumbnail", group: "media" },
  { path: "images", label: "All images", group: "media" },
  { path: "images[0]", label: "Image 1", group: "media" },
  { path: "images[1]", label: "Image 2", group: "media" },
  { path: "images[2]", label: "Image 3", group: "media" },
  { path: "variant.sku", label: "Variant SKU", group: "variant" },
  { path: "variant.title", label: "Variant title", group: "variant" },
  { path: "variant.barcode", label: "Variant barcode", group: "variant" },
  { path: "variant.weight", label: "Variant weight", group: "variant" },
  { path: "variant.length", label: "Variant length", group: "variant" },
  { path: "variant.width", label: "Variant width", group: "variant" },
  { path: "variant.height", label: "Variant height", group: "variant" },
  { path: "variant.material", label: "Variant material", group: "variant" },
]

/** Plain text of a value for an example: HTML tags dropped, white space folded, length capped. */
function exampleText(value: Value): string {
  const text = valueText(value)
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim()
  return text.length > MAX_EXAMPLE_LENGTH ? `${text.slice(0, MAX_EXAMPLE_LENGTH - 1)}…` : text
}

class Tally {
  private readonly examples = new Map<string, Set<string>>()
  private readonly holders = new Map<string, Set<string>>()

  add(path: string, productId: string, value: Value) {
    const text = exampleText(value)
    if (!text) return
    const holders = this.holders.get(path) ?? new Set<string>()
    holders.add(productId)
    this.holders.set(path, holders)
    const examples = this.examples.get(path) ?? new Set<string>()
    if (examples.size < MAX_EXAMPLES) examples.add(text)
    this.examples.set(path, examples)
  }

  /** Values known from elsewhere (the entity lists) fill the examples, not the product counts. */
  addExample(path: string, text: string) {
    const clean = exampleText(text)
    if (!clean) return
    const examples = this.examples.get(path) ?? new Set<string>()
    if (examples.size < MAX_EXAMPLES) examples.add(clean)
    this.examples.set(path, examples)
  }

  read(path: string) {
    return { examples: [...(this.examples.get(path) ?? [])], products: this.holders.get(path)?.size ?? 0 }
  }
}

/** Metadata keys of an object, one level of nesting spelled "a.b" (as the paths read them). */
function metadataKeys(metadata: Record<string, unknown> | null | undefined): string[] {
  if (!metadata || typeof metadata !== "object") return []
  return Object.entries(metadata).flatMap(([key, value]) =>
    value && typeof value === "object" && !Array.isArray(value) ? Object.keys(value).map((sub) => `${key}.${sub}`) : [key]
  )
}

/**
 * The attributes a template can read, found in a sample of the merchant's products, each with
 * example values: the product's own fields, how it is organised, its media, its options (as
 * the product's list and as each variant's value), variant fields and prices per currency, and
 * the metadata keys the products actually carry. Pure: the caller decides how many products
 * the sample holds.
 */
export function catalogueSources(products: readonly SourceProduct[], extras: CatalogueExtras = {}): CatalogueSource[] {
  const tally = new Tally()
  const optionTitles = new Map<string, string>()
  const currencies = new Set<string>()
  const productKeys = new Set<string>()
  const variantKeys = new Set<string>()

  for (const product of products) {
    const variants = product.variants.slice(0, VARIANTS_PER_PRODUCT)
    for (const option of product.options) optionTitles.set(option.title.toLowerCase(), optionTitles.get(option.title.toLowerCase()) ?? option.title)
    for (const variant of variants) for (const price of variant.prices) currencies.add(price.currency_code.toLowerCase())
    for (const key of metadataKeys(product.metadata)) productKeys.add(key)
    for (const variant of variants) for (const key of metadataKeys(variant.metadata)) variantKeys.add(key)
  }

  const entries: { path: string; label: string; group: SourceGroup }[] = [
    ...FIXED,
    ...[...optionTitles.values()].flatMap((title) => [
      { path: `variant.option.${title}`, label: `${title} (the variant's value)`, group: "options" as const },
      { path: `options.${title}`, label: `${title} (all values of the product)`, group: "options" as const },
    ]),
    ...[...currencies].sort().map((c) => ({ path: `variant.price.${c}`, label: `Variant price (${c.toUpperCase()})`, group: "variant" as const })),
    ...[...productKeys].sort().slice(0, MAX_METADATA_KEYS).map((k) => ({ path: `metadata.${k}`, label: `Metadata: ${k}`, group: "metadata" as const })),
    ...[...variantKeys].sort().slice(0, MAX_METADATA_KEYS).map((k) => ({ path: `variant.metadata.${k}`, label: `Variant metadata: ${k}`, group: "metadata" as const })),
  ]

  for (const product of products) {
    const variants = product.variants.slice(0, VARIANTS_PER_PRODUCT)
    for (const entry of entries) {
      const read = compilePath(entry.path)
      if (!read) continue
      if (entry.path.startsWith("variant.")) {
        for (const variant of variants) tally.add(entry.path, product.id, read(product, variant))
      } else {
        tally.add(entry.path, product.id, read(product, undefined))
      }
    }
  }

  for (const c of extras.categories ?? []) {
    tally.addExample("categories.name", c.name)
    tally.addExample("categories.handle", c.handle)
  }
  for (const c of extras.collections ?? []) {
    tally.addExample("collection", c.title)
    tally.addExample("collection.handle", c.handle)
  }
  for (const t of extras.types ?? []) tally.addExample("type", t)
  for (const t of extras.tags ?? []) tally.addExample("tags", t)

  return entries.map((entry) => ({ ...entry, where: describePath(entry.path), ...tally.read(entry.path) }))
}

/** Sources whose path, label or examples contain every word of the search, case-insensitively. */
export function searchSources(sources: readonly CatalogueSource[], search: string): CatalogueSource[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean)
  if (!words.length) return [...sources]
  return sources.filter((s) => {
    const haystack = [s.path, s.label, s.where, ...s.examples].join(" ").toLowerCase()
    return words.every((w) => haystack.includes(w))
  })
}
