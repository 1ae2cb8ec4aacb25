import { matchValues, normValue, someAcceptedValues, type ValueMatch } from "./attribute-values"
import { describePath, valueText } from "./paths"
import { resolveField, type Resolved } from "./resolve-field"
import type { AttributeListEntry, SkuAttribute } from "./payload"
import type {
  AttributeMapping,
  CategoryAttributeDef,
  CategoryAttributes,
  FieldSource,
  LookupList,
  MappingTemplate,
  SkuAttributeDef,
  SourceProduct,
} from "./types"

/**
 * Where an attribute's value came from: the template entry, its per-category override, the
 * template's Brand field (for Brand Name), or, with no entry, the built-in default: Medusa's own
 * field where it has one (material, origin_country), else the product's metadata key named after
 * the attribute (`metadata.sleeve_length` for "Sleeve Length").
 */
export type AttributeOrigin = "template" | "category" | "brand" | "default"

/** Medusa product fields that hold an AliExpress attribute, by normalised attribute name. */
const PRODUCT_FIELD_OF: Record<string, string> = {
  material: "material",
  uppermaterial: "material",
  origin: "origin_country",
  countryoforigin: "origin_country",
}

export type ResolvedAttribute = {
  def: CategoryAttributeDef
  /** the template entry's key, when one applies */
  entry?: string
  origin: AttributeOrigin
  source: FieldSource
  value_list?: string
  resolved: Resolved
  matches: ValueMatch[]
}

export type AttributeResolution = {
  /** the AliExpress category id, when the category field gave one */
  category_id?: string
  /** the category's definitions; undefined when not read (or no reader was given) */
  defs?: CategoryAttributes
  attributes: ResolvedAttribute[]
  /** custom (name + value) attributes the template adds where the category lacks them */
  custom: { name: string; value: string }[]
  list: AttributeListEntry[]
}

const BRAND = /^brand(\s*name)?$/i
const BRAND_NAME_ID = "2"
const MAX_TEXT = 70

export const isBrandAttribute = (def: Pick<CategoryAttributeDef, "name" | "name_id">) =>
  def.name_id === BRAND_NAME_ID || BRAND.test(def.name.trim())

/** "Sleeve Length" -> "sleeve_length": the metadata key read when the template has no entry. */
export const metadataKeyOf = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "")

/** The template entry for an attribute name: same name, case and spacing ignored. */
export function findAttributeEntry(
  template: MappingTemplate,
  name: string
): [string, AttributeMapping] | undefined {
  const entries = template.attributes ?? {}
  if (entries[name]) return [name, entries[name]]
  const key = normValue(name)
  const found = Object.entries(entries).find(([k]) => normValue(k) === key)
  return found
}

/** The source, value list and origin that fill one attribute of one category. */
export function attributeSourceFor(
  template: MappingTemplate,
  def: CategoryAttributeDef,
  categoryId: string | undefined
): { source: FieldSource; value_list?: string; origin: AttributeOrigin; entry?: string } {
  const found = findAttributeEntry(template, def.name)
  const entry = found?.[1]
  const override = categoryId ? entry?.categories?.[categoryId] : undefined
  const value_list = override?.value_list ?? entry?.value_list
  if (override?.source) return { source: override.source, value_list, origin: "category", entry: found![0] }
  if (entry?.source) return { source: entry.source, value_list, origin: "template", entry: found![0] }
  if (isBrandAttribute(def) && template.fields.brand) {
    return { source: template.fields.brand, value_list, origin: "brand", entry: found?.[0] }
  }
  return { source: defaultAttributeSource(def.name), value_list, origin: "default", entry: found?.[0] }
}

/** The source of an attribute the template has no entry for. */
export function defaultAttributeSource(name: string): FieldSource {
  const metadata = `metadata.${metadataKeyOf(name)}`
  const field = PRODUCT_FIELD_OF[normValue(name)]
  if (!field) return { source: "attribute", path: metadata }
  return { source: "rule", rules: [{ when: { path: field, op: "exists" }, value: `{${field}}` }], default: `{${metadata}}` }
}

/** Resolves and matches one attribute for a product. */
export function resolveAttribute(
  def: CategoryAttributeDef,
  product: SourceProduct,
  template: MappingTemplate,
  lookupLists: LookupList[],
  categoryId: string | undefined,
  brandText?: string
): ResolvedAttribute {
  const { source, value_list, origin, entry } = attributeSourceFor(template, def, categoryId)
  const resolved: Resolved =
    origin === "brand" && brandText !== undefined
      ? { value: brandText || undefined }
      : resolveField(source, product, undefined, lookupLists)
  const matches = resolved.problem ? [] : matchValues(def, resolved.value, lookupLists, value_list)
  return { def, entry, origin, source, value_list, resolved, matches }
}

const toId = (id: string) => Number(id)

/** The `attribute_list` elements of one resolved attribute (unmatched values are left out). */
export function attributeListEntries(attr: ResolvedAttribute): AttributeListEntry[] {
  const nameId = toId(attr.def.name_id)
  const out: AttributeListEntry[] = []
  const otherTexts: string[] = []
  let otherId: string | undefined
  for (const m of attr.matches) {
    if (m.kind === "text") {
      out.push({ aliexpress_attribute_name_id: nameId, attribute_value: m.input.slice(0, MAX_TEXT) })
    } else if (m.kind === "other") {
      otherId = m.value!.id
      otherTexts.push(m.input)
    } else if (m.kind !== "none" && !out.some((e) => e.aliexpress_attribute_value_id === toId(m.value!.id))) {
      out.push({ aliexpress_attribute_name_id: nameId, aliexpress_attribute_value_id: toId(m.value!.id) })
    }
  }
  if (otherId !== undefined && (attr.def.input === "multi" || out.length === 0)) {
    out.push({ aliexpress_attribute_name_id: nameId, aliexpress_attribute_value_id: toId(otherId), attribute_value: otherTexts.join(", ").slice(0, MAX_TEXT) })
  }
  return out
}

function customAttributes(
  template: MappingTemplate,
  product: SourceProduct,
  lookupLists: LookupList[],
  defs: CategoryAttributes | undefined,
  all: boolean
): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = []
  for (const [name, entry] of Object.entries(template.attributes ?? {})) {
    if (!entry.source || (!all && !entry.custom)) continue
    if (defs?.attributes.some((d) => normValue(d.name) === normValue(name))) continue
    const value = valueText(resolveField(entry.source, product, undefined, lookupLists).value).trim()
    if (value) out.push({ name, value: value.slice(0, MAX_TEXT) })
  }
  return out
}

/**
 * Every item attribute of a product's category, resolved and matched, and the `attribute_list`
 * they make. Without definitions (no reader), Brand Name goes by name, as a custom attribute, with
 * the entries marked custom.
 */
export function resolveAttributes(
  product: SourceProduct,
  template: MappingTemplate,
  lookupLists: LookupList[],
  categoryId: string | undefined,
  defs: CategoryAttributes | undefined,
  brandText: string
): AttributeResolution {
  if (!defs) {
    const custom = customAttributes(template, product, lookupLists, undefined, false)
    const list: AttributeListEntry[] = brandText ? [{ attribute_name: "Brand Name", attribute_value: brandText }] : []
    for (const c of custom) {
      if (!BRAND.test(c.name)) list.push({ attribute_name: c.name, attribute_value: c.value })
    }
    return { category_id: categoryId, attributes: [], custom, list }
  }
  const attributes = defs.attributes.map((def) => resolveAttribute(def, product, template, lookupLists, categoryId, brandText))
  const custom = customAttributes(template, product, lookupLists, defs, false)
  const list = [
    ...attributes.flatMap(attributeListEntries),
    ...custom.map((c) => ({ attribute_name: c.name, attribute_value: c.value })),
  ]
  return { category_id: categoryId, defs, attributes, custom, list }
}

export type AttributeProblem = { field: string; message: string; hint: string }

function whereToFix(attr: ResolvedAttribute): string {
  const name = attr.def.name
  const entryText =
    attr.origin === "brand"
      ? `the Brand field of the mapping template`
      : `the attribute "${attr.entry ?? name}" in the mapping template`
  const missing = attr.resolved.missing?.length
    ? [...new Set(attr.resolved.missing.map(describePath))].join(" or ")
    : attr.source.source === "attribute"
      ? describePath(attr.source.path)
      : undefined
  if (attr.origin === "default") {
    return `Set ${missing} in Medusa, or map "${name}" in the mapping template's attributes`
  }
  return missing ? `Set ${missing} in Medusa, or change ${entryText}` : `Change ${entryText}`
}

/** Problems of a product's attributes: each names the attribute, the category and a few accepted values. */
export function attributeProblems(resolution: AttributeResolution, categoryLabel: string): AttributeProblem[] {
  const out: AttributeProblem[] = []
  for (const attr of resolution.attributes) {
    const { def } = attr
    const field = `attribute:${def.name}`
    const accepted = def.values.length ? ` Accepted values include ${someAcceptedValues(def)}.` : ""
    if (attr.resolved.problem) {
      out.push({ field, message: `"${def.name}" (category ${categoryLabel}): ${attr.resolved.problem.message}`, hint: attr.resolved.problem.hint })
      continue
    }
    if (attr.matches.length === 0) {
      if (def.required) {
        out.push({
          field,
          message: `Category ${categoryLabel} requires "${def.name}", and this product has no value for it.${accepted}`,
          hint: whereToFix(attr),
        })
      }
      continue
    }
    for (const m of attr.matches) {
      if (m.kind === "none") {
        const list = attr.value_list
        out.push({
          field,
          message: `"${m.input}" is not an accepted value of "${def.name}" in category ${categoryLabel}, which has no "Other" value.${accepted}`,
          hint: list
            ? `Add "${m.input}" to the value list "${list}" with its AliExpress value, or ${whereToFix(attr).replace(/^S/, "s").replace(/^C/, "c")}`
            : `Match "${m.input}" to an AliExpress value in a value list named in the attribute "${attr.entry ?? def.name}" of the mapping template, or ${whereToFix(attr).replace(/^S/, "s").replace(/^C/, "c")}`,
        })
      } else if (m.kind === "text" && m.input.length > MAX_TEXT) {
        out.push({ field, message: `"${def.name}" is ${m.input.length} characters; AliExpress takes at most ${MAX_TEXT}`, hint: whereToFix(attr) })
      }
    }
    if (def.input === "single" && attr.matches.length > 1) {
      out.push({ field, message: `"${def.name}" takes one value (got ${attr.matches.length})`, hint: whereToFix(attr) })
    }
  }
  return out
}

/**
 * Checks and spells a variant's Color/Size values as the category's SKU attributes do: a listed
 * value takes AliExpress's spelling, a value of the seller's own needs `custom_name`.
 */
export function checkSkuAttributes(
  attributes: SkuAttribute[],
  defs: SkuAttributeDef[],
  categoryLabel: string
): { attributes: SkuAttribute[]; problems: { message: string; hint: string }[] } {
  const problems: { message: string; hint: string }[] = []
  const out = attributes.map((attr) => {
    const def = defs.find((d) => normValue(d.name) === normValue(attr.sku_attribute_name))
    if (!def) {
      const names = defs.map((d) => d.name).join(", ") || "none"
      problems.push({
        message: `Category ${categoryLabel} has no ${attr.sku_attribute_name} variation (its SKU attributes: ${names})`,
        hint: `Remove the ${attr.sku_attribute_name} option in Medusa, or choose a category that varies by ${attr.sku_attribute_name}`,
      })
      return attr
    }
    const listed = def.values.find((v) => normValue(v) === normValue(attr.sku_attribute_value))
    if (listed) return { ...attr, sku_attribute_value: listed }
    if (!def.custom_name) {
      const shown = def.values.slice(0, 8).join(", ")
      problems.push({
        message: `${def.name} "${attr.sku_attribute_value}" is not one of category ${categoryLabel}'s values (${shown}${def.values.length > 8 ? ", ..." : ""}), and the category takes no names of your own`,
        hint: `Rename the variant's ${def.name} option value in Medusa to one of the accepted values`,
      })
    }
    return attr
  })
  return { attributes: out, problems }
}

/** The mapping's form of a sku.attribute.query answer as the client reads it. */
export function toCategoryAttributes(set: {
  categoryId: string
  attributes: { nameId: string; name: string; required: boolean; input: CategoryAttributeDef["input"]; values: { id: string; name: string }[] }[]
  skuAttributes: { name: string; required: boolean; customizedNameAllowed: boolean; values: string[] }[]
}): CategoryAttributes {
  return {
    category_id: set.categoryId,
    attributes: set.attributes.map((a) => ({ name_id: a.nameId, name: a.name, required: a.required, input: a.input, values: a.values })),
    sku_attributes: set.skuAttributes.map((a) => ({ name: a.name, required: a.required, custom_name: a.customizedNameAllowed, values: a.values })),
  }
}
