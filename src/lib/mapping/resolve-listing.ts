import { FIELD_LABELS } from "./field-definitions"
import { describePath, isEmptyValue, optionTitleOf, valueText, type Value } from "./paths"
import { computeInventory, computePrice, sellableOf, sourceAmount } from "./pricing"
import { resolveField, type Resolved } from "./resolve-field"
import { checkSkuAttributes, resolveAttributes, type AttributeResolution } from "./resolve-attributes"
import { sanitizeDescription, type SanitizedDescription } from "./sanitize"
import type { SkuAttribute } from "./payload"
import type { FieldKey, FieldSource, MappingContext, SourceProduct, SourceVariant } from "./types"

export type FieldResult = {
  key: FieldKey
  source: FieldSource | undefined
  resolved: Resolved
}

export type ResolvedVariant = {
  variant: SourceVariant
  skuCode: string
  /** "sku:<sku>" or, without a SKU, "variant:<id>" */
  problemField: string
  /** the amount the price rules start from (the variant's price, or the mapped retail price) */
  amount: number | undefined
  price: number | undefined
  priceField: FieldResult | undefined
  /** the quantity the quantity rules start from (Infinity: stock not managed) */
  sellable: number
  inventory: number
  attributes: SkuAttribute[]
  /** option titles on this variant that are neither a color nor a size option */
  otherOptions: string[]
}

/** A product with every template entry resolved, before validation and payload shaping. */
export type ResolvedListing = {
  product: SourceProduct
  ctx: MappingContext
  fields: Record<FieldKey, FieldResult>
  subject: string
  keywords: string
  brand: string
  description: SanitizedDescription | undefined
  mobileDescription: SanitizedDescription | undefined
  /** every mapped photo URL, deduped, in order (may exceed 6: validation reports it) */
  photos: string[]
  variants: ResolvedVariant[]
  /** option titles with more than one value that are neither color nor size options */
  unsupportedOptions: string[]
  /** the category's item attributes, resolved and matched, and the attribute_list they make */
  attributes: AttributeResolution
  /** "T-Shirts (200000346)", or the bare id when its name is not known */
  categoryLabel: string
  /** Color/Size values the category's SKU attributes do not take */
  skuProblems: { field: string; message: string; hint: string }[]
  /** a reader of definitions was given but had none for this category: AliExpress's reason, if any */
  attributesUnread?: string
}

const CATEGORY_ID = /^\d+$/

/** The AliExpress category id a resolved category field gives, when it is one. */
export function categoryIdOf(value: Value): string | undefined {
  const id = valueText(value).trim()
  return CATEGORY_ID.test(id) && id !== "0" ? id : undefined
}

const PRODUCT_FIELDS: FieldKey[] = [
  "category_id",
  "subject",
  "description",
  "mobile_description",
  "keywords",
  "photo_1",
  "photo_2",
  "photo_3",
  "photo_4",
  "photo_5",
  "photo_6",
  "lot_size",
  "unit_type",
  "package_length",
  "package_width",
  "package_height",
  "weight",
  "delivery_time",
  "freight_template_id",
  "service_template_id",
  "brand",
]

export const PHOTO_FIELDS: FieldKey[] = ["photo_1", "photo_2", "photo_3", "photo_4", "photo_5", "photo_6"]

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)$/

/** A number from a resolved value; NaN when it is not one. */
export function toNumber(value: Value): number {
  if (typeof value === "number") return value
  if (typeof value === "string") {
    const t = value.trim()
    return NUMERIC.test(t) ? Number(t) : NaN
  }
  if (Array.isArray(value) && value.length === 1) return toNumber(value[0])
  return NaN
}

const lowerSet = (list: string[]) => new Set(list.map((s) => s.trim().toLowerCase()))
const setCache = new WeakMap<string[], Set<string>>()
function optionSet(list: string[]): Set<string> {
  let set = setCache.get(list)
  if (!set) {
    set = lowerSet(list)
    setCache.set(list, set)
  }
  return set
}

function resolveVariant(
  product: SourceProduct,
  variant: SourceVariant,
  ctx: MappingContext,
  colors: Set<string>,
  sizes: Set<string>
): ResolvedVariant {
  const skuCode = (variant.sku ?? "").trim()
  const problemField = skuCode ? `sku:${skuCode}` : `variant:${variant.id}`

  let amount: number | undefined
  let priceField: FieldResult | undefined
  const priceSource = ctx.template.fields.retail_price
  if (priceSource) {
    const resolved = resolveField(priceSource, product, variant, ctx.lookupLists)
    priceField = { key: "retail_price", source: priceSource, resolved }
    const mapped = toNumber(resolved.value)
    amount = Number.isFinite(mapped) ? mapped : undefined
  } else {
    amount = sourceAmount(variant, ctx.priceRules)
  }
  const price = amount === undefined ? undefined : computePrice(amount, ctx.priceRules)
  const sellable = sellableOf(variant, ctx.stock)

  const attributes: SkuAttribute[] = []
  const otherOptions: string[] = []
  for (const opt of variant.options) {
    const title = optionTitleOf(product, opt)
    const key = title?.trim().toLowerCase()
    const name = key === undefined ? undefined : colors.has(key) ? "Color" : sizes.has(key) ? "Size" : undefined
    if (name) attributes.push({ sku_attribute_name: name, sku_attribute_value: opt.value.trim() })
    else otherOptions.push(title ?? opt.value)
  }

  return {
    variant,
    skuCode,
    problemField,
    amount,
    price,
    priceField,
    sellable,
    inventory: computeInventory(sellable, ctx.quantityRules),
    attributes,
    otherOptions,
  }
}

/** Markup has no place in AliExpress' plain-text fields (title, keywords, brand): tags and script bodies are dropped. */
const stripMarkup = (value: string) =>
  value.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ").replace(/<\/?[a-z!][^>]*>/gi, " ")

function text(field: FieldResult): string {
  return valueText(field.resolved.value).trim()
}

function plainText(field: FieldResult): string {
  return stripMarkup(valueText(field.resolved.value)).trim()
}

/** Resolve every template entry of a product (pure; cheap enough to run per product per sync). */
export function resolveListing(product: SourceProduct, ctx: MappingContext): ResolvedListing {
  const { template, lookupLists } = ctx
  const fields = {} as Record<FieldKey, FieldResult>
  for (const key of PRODUCT_FIELDS) {
    const source = template.fields[key]
    fields[key] = {
      key,
      source,
      resolved: source ? resolveField(source, product, undefined, lookupLists) : { value: undefined },
    }
  }
  fields.retail_price = { key: "retail_price", source: template.fields.retail_price, resolved: { value: undefined } }

  const descriptionText = text(fields.description)
  const description = descriptionText ? sanitizeDescription(descriptionText) : undefined
  const mobileText = fields.mobile_description.source ? text(fields.mobile_description) : descriptionText
  const mobileDescription =
    mobileText === descriptionText ? description : mobileText ? sanitizeDescription(mobileText) : undefined

  const photos: string[] = []
  for (const key of PHOTO_FIELDS) {
    const value = fields[key].resolved.value
    if (isEmptyValue(value)) continue
    const urls = Array.isArray(value) ? value : [String(value)]
    for (const raw of urls) {
      const url = raw.trim()
      if (url && !photos.includes(url)) photos.push(url)
    }
  }

  const colors = optionSet(template.settings.color_option)
  const sizes = optionSet(template.settings.size_option)
  const variants = product.variants.map((v) => resolveVariant(product, v, ctx, colors, sizes))

  const unsupportedOptions: string[] = []
  if (product.variants.length > 1) {
    for (const option of product.options) {
      const key = option.title.trim().toLowerCase()
      if (colors.has(key) || sizes.has(key)) continue
      const values = new Set<string>()
      for (const rv of variants) {
        for (const opt of rv.variant.options) {
          const title = optionTitleOf(product, opt)
          if (title !== undefined && title.trim().toLowerCase() === key) values.add(opt.value)
        }
      }
      if (values.size > 1) unsupportedOptions.push(option.title)
    }
  }

  const brand = plainText(fields.brand)
  const categoryId = categoryIdOf(fields.category_id.resolved.value)
  const info = categoryId ? ctx.categoryInfo?.(categoryId) : undefined
  const categoryLabel = categoryId ? (info?.name ? `${info.name} (${categoryId})` : categoryId) : ""
  const knownLeaf = !!categoryId && (!ctx.categoryInfo || !!info?.isLeaf)
  const read = knownLeaf ? ctx.categoryAttributes?.(categoryId!) : undefined
  const defs = read && !read.error ? read : undefined
  const attributes = resolveAttributes(product, template, lookupLists, categoryId, defs, brand)
  const skuProblems: ResolvedListing["skuProblems"] = []
  if (defs) {
    for (const rv of variants) {
      const checked = checkSkuAttributes(rv.attributes, defs.sku_attributes, categoryLabel)
      rv.attributes = checked.attributes
      for (const p of checked.problems) skuProblems.push({ field: rv.problemField, ...p })
    }
  }

  return {
    product,
    ctx,
    fields,
    subject: plainText(fields.subject).replace(/\s+/g, " "),
    keywords: plainText(fields.keywords),
    brand,
    attributes,
    categoryLabel,
    skuProblems,
    attributesUnread: knownLeaf && !!ctx.categoryAttributes && !defs ? read?.error ?? "" : undefined,
    description,
    mobileDescription,
    photos,
    variants,
    unsupportedOptions,
  }
}

/** Where to fix a field: the template entry (by its label) or the product data it reads. */
export function fixHint(field: FieldResult, what?: string): string {
  const label = FIELD_LABELS[field.key]
  const source = field.source
  if (!source) return `Map "${label}" in the mapping template`
  const missing = field.resolved.missing
  if (missing && missing.length) {
    const places = [...new Set(missing.map(describePath))].join(", ")
    const verb = source.source === "rule" ? `or add a default to "${label}"` : `or change "${label}"`
    return `Set ${places} in Medusa${what ? ` (${what})` : ""}, ${verb} in the mapping template`
  }
  switch (source.source) {
    case "attribute":
      return `Fix ${describePath(source.path)} in Medusa, or map "${label}" to another attribute in the mapping template`
    case "constant":
      return `Change the value of "${label}" in the mapping template`
    case "template":
      return `Fix the product data used by "${label}" (${source.template}), or change the template entry`
    case "rule":
      return `Change the rules of "${label}" in the mapping template`
    case "lookup":
      return `Fix the entries of lookup list "${source.list}" or change "${label}" in the mapping template`
  }
}

/**
 * The fix hint for a value that is too long, from where the value came from: a keyword taken
 * from the tags says to use fewer tags, one that fell back to the title says to shorten the
 * title, a constant says to change the template.
 */
export function shortenHint(field: FieldResult): string {
  const label = FIELD_LABELS[field.key]
  const from = [...new Set((field.resolved.from ?? []).map((p) => p.trim()))]
  const remap = `or map "${label}" to a shorter value in the mapping template`
  if (!from.length) {
    return field.source?.source === "lookup"
      ? `Shorten the entry of lookup list "${field.source.list}" ${remap}`
      : `Shorten the value of "${label}" in the mapping template`
  }
  if (from.length === 1 && from[0] === "tags") {
    return `Use fewer or shorter tags (${describePath("tags")}) in Medusa, ${remap}`
  }
  return `Shorten ${from.map(describePath).join(", ")} in Medusa, ${remap}`
}

/** The AliExpress category a product maps to with a template (before any other field is resolved). */
export function productCategoryId(product: SourceProduct, template: MappingContext["template"], lookupLists: MappingContext["lookupLists"]): string | undefined {
  const source = template.fields.category_id
  return source ? categoryIdOf(resolveField(source, product, undefined, lookupLists).value) : undefined
}
