import type { FieldSource, MappingTemplate, TemplateSettings } from "./types"

export const DEFAULT_SETTINGS: TemplateSettings = {
  title_max_length: 128,
  language: "en",
  color_option: ["Color", "Colour"],
  size_option: ["Size"],
  weight_unit: "g",
  dimension_unit: "cm",
  price_currency: "usd",
}

const attr = (path: string): FieldSource => ({ source: "attribute", path })

/** The product's own value, else the first variant's (Medusa keeps weight and size on either). */
const productOrVariant = (key: "weight" | "length" | "width" | "height"): FieldSource => ({
  source: "rule",
  rules: [{ when: { path: key, op: "exists" }, value: `{${key}}` }],
  default: `{variant.${key}}`,
})

/** The product's own attribute, else a metadata key of the same meaning. */
const attributeOrMetadata = (path: string, key: string): FieldSource => ({
  source: "rule",
  rules: [{ when: { path, op: "exists" }, value: `{${path}}` }],
  default: `{metadata.${key}}`,
})

/**
 * A template that lists a typical Medusa catalogue once the merchant sets the category
 * (an entry per Medusa category handle in the "categories" lookup list), the freight template
 * and the service template. Those three are left unmapped on purpose: each gives a problem
 * naming its entry until set.
 */
export function defaultTemplate(name = "Default"): MappingTemplate {
  return {
    name,
    fields: {
      subject: attr("title"),
      description: attr("description"),
      mobile_description: attr("description"),
      keywords: {
        source: "rule",
        rules: [{ when: { path: "tags", op: "exists" }, value: "{tags}" }],
        default: "{title}",
      },
      photo_1: {
        source: "rule",
        rules: [{ when: { path: "images[0]", op: "exists" }, value: "{images[0]}" }],
        default: "{thumbnail}",
      },
      photo_2: attr("images[1]"),
      photo_3: attr("images[2]"),
      photo_4: attr("images[3]"),
      photo_5: attr("images[4]"),
      photo_6: attr("images[5]"),
      // retail_price stays unmapped: the price rules pick the variant's USD price, or its
      // store-currency price converted, which a fixed path could not do for both.
      lot_size: { source: "constant", value: 1 },
      unit_type: { source: "constant", value: "piece" },
      package_length: productOrVariant("length"),
      package_width: productOrVariant("width"),
      package_height: productOrVariant("height"),
      weight: productOrVariant("weight"),
      delivery_time: { source: "constant", value: 3 },
      brand: {
        source: "rule",
        rules: [{ when: { path: "metadata.brand", op: "exists" }, value: "{metadata.brand}" }],
        default: "NoBrand",
      },
      category_id: { source: "lookup", list: "categories", path: "categories.handle", on_miss: "problem" },
    },
    // Brand Name comes from the Brand field above. Attributes without an entry (Gender, Sleeve
    // Length, ...) read the product's metadata key named after them (gender, sleeve_length).
    attributes: {
      Origin: { source: attributeOrMetadata("origin_country", "origin") },
      Material: { source: attributeOrMetadata("material", "material") },
      "Upper Material": { source: attributeOrMetadata("material", "material") },
    },
    settings: { ...DEFAULT_SETTINGS, color_option: [...DEFAULT_SETTINGS.color_option], size_option: [...DEFAULT_SETTINGS.size_option] },
  }
}
