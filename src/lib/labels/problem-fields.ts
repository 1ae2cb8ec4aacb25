import { FIELD_LABELS } from "../mapping/field-definitions"

/** Problem fields that are not template fields: where the problem sits, in the merchant's words. */
const OTHER_FIELDS: Readonly<Record<string, string>> = {
  product: "Product",
  images: "Images",
  skus: "Variants and SKUs",
  sku_code: "SKU",
  status: "Order status",
  region: "Region",
  sales_channel_id: "Sales channel",
  shipping_option: "Shipping option",
  freight_template_id: "Freight template",
  category_id: "Category",
}

/**
 * A problem's field as a label: template fields by their form label, `attribute:Material` as
 * the attribute, `sku:CODE` / `variant:id` as the variant, the rest from the table.
 */
export function problemFieldLabel(field?: string | null): string {
  if (!field) return "Product"
  const template = (FIELD_LABELS as Record<string, string | undefined>)[field]
  if (template) return template
  if (OTHER_FIELDS[field]) return OTHER_FIELDS[field]
  const [kind, ...rest] = field.split(":")
  const name = rest.join(":")
  if (name) {
    if (kind === "attribute") return `Attribute "${name}"`
    if (kind === "sku") return `Variant with SKU ${name}`
    if (kind === "variant") return "A variant without a SKU"
  }
  const words = field.replace(/[_.]+/g, " ").trim()
  return words ? words[0].toUpperCase() + words.slice(1) : field
}
