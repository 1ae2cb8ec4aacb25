import {
  defaultTemplate,
  type CategoryAttributes,
  type MappingContext,
  type SourceProduct,
  type SourceVariant,
} from "../../../src/lib/mapping"

export const CATEGORY_ID = "200000346"

export function variant(overrides: Partial<SourceVariant> & { size?: string; color?: string } = {}): SourceVariant {
  const { size = "M", color, ...rest } = overrides
  const options: SourceVariant["options"] = [{ value: size, option: { title: "Size" } }]
  if (color) options.push({ value: color, option: { title: "Color" } })
  return {
    id: `variant_${size}${color ?? ""}`,
    sku: `SHIRT-${size}${color ? "-" + color.toUpperCase() : ""}`,
    title: color ? `${size} / ${color}` : size,
    options,
    prices: [
      { amount: 19.5, currency_code: "usd" },
      { amount: 18, currency_code: "eur" },
    ],
    metadata: { image: "https://cdn.example.com/v.jpg" },
    ...rest,
  }
}

/** A typical Medusa product: three sizes, four images, HTML description, tags, a brand. */
export function product(overrides: Partial<SourceProduct> = {}): SourceProduct {
  return {
    id: "prod_1",
    title: "Classic Cotton Shirt",
    subtitle: "Soft and breathable",
    description: "<p>A <b>classic</b> shirt.</p><ul><li>100% cotton</li></ul>",
    handle: "classic-shirt",
    material: "Cotton",
    weight: 350,
    length: 30,
    width: 20,
    height: 5,
    origin_country: "pt",
    hs_code: "6205",
    thumbnail: "https://cdn.example.com/thumb.jpg",
    status: "published",
    images: [1, 2, 3, 4].map((n) => ({ url: `https://cdn.example.com/shirt-${n}.jpg` })),
    tags: [{ value: "shirt" }, { value: "cotton" }],
    type: { value: "Apparel" },
    collection: { title: "Summer", handle: "summer" },
    categories: [{ id: "pcat_1", name: "Shirts", handle: "shirts" }],
    metadata: { brand: "Acme", season: "summer", fit: 3 },
    options: [{ title: "Size", values: [{ value: "S" }, { value: "M" }, { value: "L" }] }],
    variants: [variant({ size: "S" }), variant({ size: "M" }), variant({ size: "L" })],
    ...overrides,
  }
}

/** The default template with the three entries a merchant must set, and a context around it. */
export function context(overrides: Partial<MappingContext> = {}): MappingContext {
  const template = defaultTemplate()
  template.fields.freight_template_id = { source: "constant", value: 1000 }
  template.fields.service_template_id = { source: "constant", value: 0 }
  return {
    template,
    lookupLists: [{ id: "list_1", name: "categories", entries: [{ from: "shirts", to: CATEGORY_ID }] }],
    priceRules: { source: "usd_price", markup_percent: 0, rounding: "none" },
    quantityRules: { buffer: 0, max_quantity: null },
    stock: { variant_S: 5, variant_M: 0, variant_L: 12 },
    categoryInfo: (id) =>
      id === CATEGORY_ID ? { isLeaf: true, name: "Shirts" } : id === "3" ? { isLeaf: false, name: "Apparel" } : undefined,
    validFreightTemplateIds: ["1000"],
    validServiceTemplateIds: ["0", "55"],
    ...overrides,
  }
}

/** The attributes of the Shirts leaf as AliExpress defines them (a subset of the sandbox's clothing set). */
export function shirtAttributes(): CategoryAttributes {
  return {
    category_id: CATEGORY_ID,
    attributes: [
      {
        name_id: "2",
        name: "Brand Name",
        required: true,
        input: "single",
        values: [{ id: "201512802", name: "NoBrand" }, { id: "203004002", name: "Acme" }, { id: "4", name: "Other" }],
      },
      {
        name_id: "219",
        name: "Origin",
        required: true,
        input: "single",
        values: [
          { id: "9441741844", name: "Mainland China" },
          { id: "9441741850", name: "Portugal" },
          { id: "9441741845", name: "United States" },
        ],
      },
      {
        name_id: "10",
        name: "Material",
        required: true,
        input: "multi",
        values: [{ id: "47", name: "Cotton" }, { id: "48", name: "Polyester" }, { id: "1386", name: "Linen" }, { id: "4", name: "Other" }],
      },
      {
        name_id: "284",
        name: "Gender",
        required: false,
        input: "single",
        values: [{ id: "100006040", name: "Men" }, { id: "100006041", name: "Women" }, { id: "100006042", name: "Unisex" }],
      },
      { name_id: "3", name: "Model Number", required: false, input: "text", values: [] },
    ],
    sku_attributes: [
      { name: "Color", required: false, custom_name: true, values: ["Black", "White", "Red"] },
      { name: "Size", required: false, custom_name: false, values: ["S", "M", "L", "XL"] },
    ],
  }
}

/** The context with the Shirts category's attribute definitions. */
export function contextWithAttributes(overrides: Partial<MappingContext> = {}): MappingContext {
  const defs = shirtAttributes()
  return context({ categoryAttributes: (id) => (id === CATEGORY_ID ? defs : undefined), ...overrides })
}
