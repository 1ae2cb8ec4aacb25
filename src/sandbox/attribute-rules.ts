import { OTHER_VALUE_ID, SeedAttribute, SeedCategoryAttributes } from "./category-attributes"
import { SKU_ATTRIBUTES } from "./seed"
import { ProductAttribute } from "./store"

/*
 * AliExpress's checks of a post's item attributes and SKU attributes against its category
 * (shared/aliexpress-api.md §5). Every refusal names the attribute, as AliExpress's sub_msg does.
 */

interface ProblemSink {
  add(field: string, message: string): void
}

type Obj = Record<string, unknown>

const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v)

function text(v: unknown): string | undefined {
  if (typeof v === "string") {
    return v.trim() || undefined
  }
  return typeof v === "number" ? String(v) : undefined
}

/** A long id (name or value id); undefined when absent, NaN when not a whole number. */
function longId(v: unknown): number | undefined {
  if (v === undefined || v === null || v === "") {
    return undefined
  }
  const raw = String(v).trim()
  return /^\d+$/.test(raw) ? Number(raw) : NaN
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

const describe = (attr: SeedAttribute) => `"${attr.name}" (name id ${attr.id})`

const someValues = (attr: SeedAttribute) =>
  attr.values
    .slice(0, 5)
    .map((value) => `${value.name}=${value.id}`)
    .join(", ")

/**
 * Checks `attribute_list` by the DTO's four fill types: value id, free text, "Other" + text, and a
 * custom name + value. Refuses unknown or wrong ids, free text where the list has no "Other",
 * several values on a single-select attribute and a missing required attribute.
 */
export function checkAttributeList(
  raw: unknown,
  category: SeedCategoryAttributes | undefined,
  categoryName: string,
  p: ProblemSink
): ProductAttribute[] {
  if (raw === undefined || raw === null) {
    p.add("attribute_list", "is required")
    return []
  }
  if (!Array.isArray(raw)) {
    p.add("attribute_list", "must be an array")
    return []
  }
  const out: ProductAttribute[] = []
  const counts = new Map<number, number>()
  raw.forEach((item, i) => {
    const f = `attribute_list[${i}]`
    if (!isObj(item)) {
      p.add(f, "must be an object")
      return
    }
    const nameId = longId(item.aliexpress_attribute_name_id ?? item.attribute_name_id)
    const valueId = longId(item.aliexpress_attribute_value_id ?? item.attribute_value_id)
    const name = text(item.attribute_name)
    const value = text(item.attribute_value)
    if (value && value.length > 70) {
      p.add(`${f}.attribute_value`, "must be at most 70 characters")
      return
    }
    if (Number.isNaN(nameId) || Number.isNaN(valueId)) {
      p.add(f, "attribute ids must be whole numbers")
      return
    }
    if (nameId === undefined) {
      // 4) a fully custom attribute: a name and a value of the seller's own
      if (!name) {
        p.add(f, "needs aliexpress_attribute_name_id or attribute_name")
      } else if (!value) {
        p.add(`${f}.attribute_value`, `custom attribute "${name}" needs a value`)
      } else {
        out.push({ attribute_name: name, attribute_value: value })
      }
      return
    }
    const attr = category?.attributes.find((a) => a.id === nameId)
    if (!category) {
      // The category itself is refused: keep the element as sent.
      out.push({ attribute_name_id: nameId, attribute_value_id: valueId, attribute_name: name, attribute_value: value })
      return
    }
    if (!attr) {
      p.add(`${f}.aliexpress_attribute_name_id`, `${nameId} is not an attribute of category ${categoryName}`)
      return
    }
    counts.set(attr.id, (counts.get(attr.id) ?? 0) + 1)
    if (attr.input === "input") {
      // 2) a free-text attribute
      if (!value) {
        p.add(f, `${describe(attr)} is a free-text attribute: attribute_value is required`)
        return
      }
      out.push({ attribute_name: attr.name, attribute_name_id: attr.id, attribute_value: value })
      return
    }
    const other = attr.values.find((x) => x.id === OTHER_VALUE_ID)
    if (valueId === undefined) {
      if (!value) {
        p.add(f, `${describe(attr)} needs aliexpress_attribute_value_id`)
      } else if (!other) {
        p.add(
          f,
          `${describe(attr)} takes a value from its list only (no "Other"): "${value}" is free text; accepted values include ${someValues(attr)}`
        )
      } else {
        out.push({ attribute_name: attr.name, attribute_name_id: attr.id, attribute_value_id: other.id, attribute_value: value })
      }
      return
    }
    const known = attr.values.find((x) => x.id === valueId)
    if (!known) {
      p.add(
        `${f}.aliexpress_attribute_value_id`,
        `${valueId} is not a value of ${describe(attr)}; accepted values include ${someValues(attr)}`
      )
      return
    }
    if (known.id === OTHER_VALUE_ID) {
      // 3) "Other" with the seller's own text
      if (!value) {
        p.add(f, `${describe(attr)}: the "Other" value needs attribute_value`)
        return
      }
      out.push({ attribute_name: attr.name, attribute_name_id: attr.id, attribute_value_id: known.id, attribute_value: value })
      return
    }
    // 1) dropdown or multi-select: one element per value
    out.push({ attribute_name: attr.name, attribute_name_id: attr.id, attribute_value_id: known.id, attribute_value: known.name })
  })
  for (const attr of category?.attributes ?? []) {
    const count = counts.get(attr.id) ?? 0
    if (attr.input !== "check_box" && count > 1) {
      p.add("attribute_list", `${describe(attr)} takes one value (got ${count})`)
    }
    if (attr.required && count === 0) {
      const hint = attr.values.length ? `; accepted values include ${someValues(attr)}` : ""
      p.add("attribute_list", `required attribute ${describe(attr)} of category ${categoryName} is missing${hint}`)
    }
  }
  return out
}

/**
 * Checks one SKU attribute against the category's SKU attributes. Returns false when refused,
 * else the canonical name and value (a listed value keeps AliExpress's spelling).
 */
export function checkSkuAttribute(
  category: SeedCategoryAttributes | undefined,
  name: string,
  value: string,
  field: string,
  p: ProblemSink
): { name: string; value: string } | false | undefined {
  if (!category) {
    if (!SKU_ATTRIBUTES[name]) {
      p.add(`${field}.sku_attribute_name`, `"${name}" is not a SKU attribute (use Color or Size)`)
      return false
    }
    return undefined
  }
  const attr = category.sku.find((a) => same(a.name, name))
  if (!attr) {
    const names = category.sku.map((a) => a.name).join(", ")
    p.add(`${field}.sku_attribute_name`, `"${name}" is not a SKU attribute of this category (use ${names})`)
    return false
  }
  const listed = attr.values.find((x) => same(x.name, value))
  if (listed) {
    return { name: attr.name, value: listed.name }
  }
  if (value && !attr.customName) {
    const accepted = attr.values.map((x) => x.name).join(", ")
    p.add(`${field}.sku_attribute_value`, `${attr.name} "${value}" is not one of the category's values (${accepted}); custom names are not allowed`)
    return false
  }
  return { name: attr.name, value }
}
