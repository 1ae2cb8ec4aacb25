import type { MatchKind } from "./attribute-values"
import { valueText } from "./paths"
import { resolveField } from "./resolve-field"
import { attributeSourceFor, resolveAttribute, type AttributeOrigin } from "./resolve-attributes"
import type { CategoryAttributes, FieldSource, LookupList, MappingTemplate, SourceProduct } from "./types"

export type ValueReportRow = {
  input: string
  kind: MatchKind
  value_id?: string
  value_name?: string
  /** products with this value */
  products: number
}

/** How a catalogue's values meet one attribute of a category (the mapping editor's table). */
export type AttributeReport = {
  name: string
  name_id: string
  required: boolean
  input: "single" | "multi" | "text"
  origin: AttributeOrigin
  entry?: string
  source: FieldSource
  value_list?: string
  accepted: { id: string; name: string }[]
  /** products whose values all match a listed value / need "Other" / fail / have none */
  counts: { matched: number; other: number; failed: number; empty: number }
  values: ValueReportRow[]
}

/** Resolves every attribute of a category for each product and counts how the values matched. */
export function valueMatchReport(
  defs: CategoryAttributes,
  products: SourceProduct[],
  template: MappingTemplate,
  lookupLists: LookupList[]
): AttributeReport[] {
  return defs.attributes.map((def) => {
    const { source, value_list, origin, entry } = attributeSourceFor(template, def, defs.category_id)
    const counts = { matched: 0, other: 0, failed: 0, empty: 0 }
    const rows = new Map<string, ValueReportRow>()
    for (const product of products) {
      const brand = origin === "brand" && template.fields.brand
        ? valueText(resolveField(template.fields.brand, product, undefined, lookupLists).value).trim()
        : undefined
      const attr = resolveAttribute(def, product, template, lookupLists, defs.category_id, brand)
      if (attr.resolved.problem || attr.matches.some((m) => m.kind === "none")) counts.failed++
      else if (attr.matches.length === 0) counts.empty++
      else if (attr.matches.some((m) => m.kind === "other")) counts.other++
      else counts.matched++
      for (const m of attr.matches) {
        const key = `${m.kind}:${m.input.toLowerCase()}`
        const row = rows.get(key) ?? { input: m.input, kind: m.kind, value_id: m.value?.id, value_name: m.value?.name, products: 0 }
        row.products++
        rows.set(key, row)
      }
    }
    return {
      name: def.name,
      name_id: def.name_id,
      required: def.required,
      input: def.input,
      origin,
      entry,
      source,
      value_list,
      accepted: def.values,
      counts,
      values: [...rows.values()].sort((a, b) => b.products - a.products || a.input.localeCompare(b.input)),
    }
  })
}
