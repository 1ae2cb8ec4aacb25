import { Memo } from "./memo"
import type { SourceProduct, SourceVariant } from "./types"

/** A resolved value: lists (tags, images, categories) stay lists. */
export type Value = string | number | string[] | undefined

export type Accessor = (product: SourceProduct, variant: SourceVariant | undefined) => Value

const PRODUCT_TEXT = [
  "title",
  "subtitle",
  "description",
  "handle",
  "material",
  "origin_country",
  "hs_code",
  "thumbnail",
  "status",
] as const
const PRODUCT_NUMBER = ["weight", "length", "width", "height"] as const
const VARIANT_SCALAR = [
  "sku",
  "title",
  "barcode",
  "weight",
  "length",
  "width",
  "height",
  "material",
] as const

const IMAGE_INDEX = /^images\[(\d+)\]$/

function scalarOf(raw: unknown): Value {
  if (raw === null || raw === undefined) return undefined
  if (typeof raw === "string") return raw
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : undefined
  if (typeof raw === "boolean") return String(raw)
  if (Array.isArray(raw)) {
    const out: string[] = []
    for (const item of raw) {
      if (typeof item === "string" || typeof item === "number") out.push(String(item))
    }
    return out
  }
  return undefined
}

function dig(root: Record<string, unknown> | null | undefined, keys: string[]): unknown {
  let cur: unknown = root
  for (const key of keys) {
    if (cur === null || typeof cur !== "object") return undefined
    cur = (cur as Record<string, unknown>)[key]
  }
  return cur
}

const sameTitle = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

/** The option title of a variant's option value, falling back to the product's options. */
export function optionTitleOf(
  product: SourceProduct,
  opt: SourceVariant["options"][number]
): string | undefined {
  if (opt.option?.title) return opt.option.title
  let found: string | undefined
  for (const po of product.options) {
    if (po.values.some((v) => v.value === opt.value)) {
      if (found !== undefined) return undefined
      found = po.title
    }
  }
  return found
}

function variantOption(product: SourceProduct, variant: SourceVariant, title: string): Value {
  for (const opt of variant.options) {
    const t = optionTitleOf(product, opt)
    if (t !== undefined && sameTitle(t, title)) return opt.value
  }
  return undefined
}

function compileVariantPath(rest: string): Accessor | null {
  const pick = (fn: (p: SourceProduct, v: SourceVariant) => Value): Accessor => {
    return (p, v) => {
      const variant = v ?? p.variants[0]
      return variant ? fn(p, variant) : undefined
    }
  }
  if ((VARIANT_SCALAR as readonly string[]).includes(rest)) {
    const key = rest as (typeof VARIANT_SCALAR)[number]
    return pick((_, v) => scalarOf(v[key]))
  }
  if (rest === "id") return pick((_, v) => v.id)
  if (rest.startsWith("metadata.") && rest.length > 9) {
    const keys = rest.slice(9).split(".")
    return pick((_, v) => scalarOf(dig(v.metadata, keys)))
  }
  if (rest.startsWith("option.") && rest.length > 7) {
    const title = rest.slice(7)
    return pick((p, v) => variantOption(p, v, title))
  }
  if (rest.startsWith("price.") && rest.length > 6) {
    const currency = rest.slice(6).toLowerCase()
    return pick((_, v) => {
      for (const price of v.prices) {
        if (price.currency_code.toLowerCase() === currency) return scalarOf(price.amount)
      }
      return undefined
    })
  }
  return null
}

function compileUncached(path: string): Accessor | null {
  if ((PRODUCT_TEXT as readonly string[]).includes(path) || (PRODUCT_NUMBER as readonly string[]).includes(path)) {
    const key = path as (typeof PRODUCT_TEXT)[number] | (typeof PRODUCT_NUMBER)[number]
    return (p) => scalarOf(p[key])
  }
  switch (path) {
    case "id":
      return (p) => p.id
    case "type":
      return (p) => scalarOf(p.type?.value)
    case "collection":
      return (p) => scalarOf(p.collection?.title)
    case "collection.handle":
      return (p) => scalarOf(p.collection?.handle)
    case "categories":
    case "categories.name":
      return (p) => p.categories.map((c) => c.name)
    case "categories.handle":
      return (p) => p.categories.map((c) => c.handle)
    case "categories.id":
      return (p) => p.categories.map((c) => c.id)
    case "tags":
      return (p) => p.tags.map((t) => t.value)
    case "images":
      return (p) => p.images.map((i) => i.url)
  }
  const image = IMAGE_INDEX.exec(path)
  if (image) {
    const index = Number(image[1])
    return (p) => scalarOf(p.images[index]?.url)
  }
  if (path.startsWith("metadata.") && path.length > 9) {
    const keys = path.slice(9).split(".")
    return (p) => scalarOf(dig(p.metadata, keys))
  }
  if (path.startsWith("options.") && path.length > 8) {
    const title = path.slice(8)
    return (p) => {
      const opt = p.options.find((o) => sameTitle(o.title, title))
      return opt ? opt.values.map((v) => v.value) : undefined
    }
  }
  if (path.startsWith("variant.")) return compileVariantPath(path.slice(8))
  return null
}

const compiledPaths = new Memo<string, Accessor | null>(2000)

/** Compile an attribute path once; null when the path is not known. */
export function compilePath(path: string): Accessor | null {
  return compiledPaths.get(path, (p) => compileUncached(p.trim()))
}

export const isKnownPath = (path: string): boolean => compilePath(path) !== null

export function isEmptyValue(value: Value): boolean {
  if (value === undefined) return true
  if (typeof value === "number") return false
  if (typeof value === "string") return value.trim() === ""
  return value.every((v) => v.trim() === "")
}

/** Text form of a value: lists are joined with ", ". */
export function valueText(value: Value): string {
  if (value === undefined) return ""
  if (typeof value === "string") return value
  if (typeof value === "number") return String(value)
  return value.filter((v) => v.trim() !== "").join(", ")
}

/** The human location of an attribute path in Medusa's admin, for fix hints. */
export function describePath(path: string): string {
  const p = path.trim()
  const where: Record<string, string> = {
    title: "Product > Title",
    subtitle: "Product > Subtitle",
    description: "Product > Description",
    handle: "Product > Handle",
    material: "Product > Attributes > Material",
    weight: "Product > Attributes > Weight",
    length: "Product > Attributes > Length",
    width: "Product > Attributes > Width",
    height: "Product > Attributes > Height",
    origin_country: "Product > Attributes > Country of origin",
    hs_code: "Product > Attributes > HS code",
    thumbnail: "Product > Media > Thumbnail",
    images: "Product > Media",
    tags: "Product > Organize > Tags",
    type: "Product > Organize > Type",
    collection: "Product > Organize > Collection",
    categories: "Product > Organize > Categories",
    "categories.handle": "Product > Organize > Categories",
    "variant.sku": "Product > Variants > SKU",
    "variant.title": "Product > Variants > Title",
    "variant.barcode": "Product > Variants > Barcode",
    "variant.weight": "Product > Variants > Attributes > Weight",
    "variant.length": "Product > Variants > Attributes > Length",
    "variant.width": "Product > Variants > Attributes > Width",
    "variant.height": "Product > Variants > Attributes > Height",
  }
  if (where[p]) return where[p]
  if (IMAGE_INDEX.test(p)) return "Product > Media"
  if (p.startsWith("metadata.")) return `Product > Metadata > ${p.slice(9)}`
  if (p.startsWith("options.")) return `Product > Options > ${p.slice(8)}`
  if (p.startsWith("variant.metadata.")) return `Product > Variants > Metadata > ${p.slice(17)}`
  if (p.startsWith("variant.option.")) return `Product > Variants > ${p.slice(15)}`
  if (p.startsWith("variant.price.")) return `Product > Variants > Prices > ${p.slice(14).toUpperCase()}`
  return p
}
