import { mapProduct, defaultTemplate, type CategoryAttributes, type MappingContext, type SourceProduct } from "../../../src/lib/mapping"
import { CATEGORY_ATTRIBUTES } from "../../../src/sandbox/category-attributes"
import { DEMO_CATEGORIES, DEMO_PRODUCTS, DEMO_VALUE_LISTS, demoAttributeMapping } from "../../../scripts/lib/demo-catalogue"

/** The sandbox's definitions as the plugin reads them. */
function sandboxDefs(categoryId: string): CategoryAttributes | undefined {
  const seed = CATEGORY_ATTRIBUTES[Number(categoryId)]
  if (!seed) return undefined
  const input = { list_box: "single", check_box: "multi", input: "text" } as const
  return {
    category_id: categoryId,
    attributes: seed.attributes.map((a) => ({
      name_id: String(a.id),
      name: a.name,
      required: a.required,
      input: input[a.input],
      values: a.values.map((v) => ({ id: String(v.id), name: v.name })),
    })),
    sku_attributes: seed.sku.map((s) => ({ name: s.name, required: s.required, custom_name: s.customName, values: s.values.map((v) => v.name) })),
  }
}

function sourceOf(seed: (typeof DEMO_PRODUCTS)[number], i: number): SourceProduct {
  const category = DEMO_CATEGORIES.find((c) => c.handle === seed.categoryHandle)!
  return {
    id: `prod_${i}`,
    title: seed.title,
    description: seed.description,
    handle: seed.handle,
    material: seed.material ?? null,
    origin_country: seed.origin_country ?? null,
    weight: seed.weight,
    length: seed.length,
    width: seed.width,
    height: seed.height,
    images: [{ url: "https://cdn.example.com/a.jpg" }],
    tags: [],
    categories: [{ id: `pcat_${category.handle}`, name: category.name, handle: category.handle }],
    metadata: seed.metadata,
    options: [
      { title: "Color", values: seed.colors.map((value) => ({ value })) },
      { title: "Size", values: seed.sizes.map((value) => ({ value })) },
    ],
    variants: seed.colors.flatMap((color) =>
      seed.sizes.map((size) => ({
        id: `var_${i}_${color}_${size}`,
        sku: `${seed.skuPrefix}-${color}-${size}`.toUpperCase(),
        title: `${color} / ${size}`,
        options: [
          { value: color, option: { title: "Color" } },
          { value: size, option: { title: "Size" } },
        ],
        prices: [{ amount: seed.price, currency_code: "usd" }],
      }))
    ),
  }
}

describe("the demo catalogue's category attributes", () => {
  const template = defaultTemplate()
  template.fields.freight_template_id = { source: "constant", value: 1000 }
  template.fields.service_template_id = { source: "constant", value: 1001001 }
  template.attributes = demoAttributeMapping()
  const ctx: MappingContext = {
    template,
    lookupLists: [
      { id: "l_cat", name: "categories", entries: DEMO_CATEGORIES.map((c) => ({ from: c.handle, to: c.aliexpressCategoryId })) },
      ...DEMO_VALUE_LISTS.map((l, i) => ({ ...l, id: `l_${i}` })),
    ],
    priceRules: { source: "usd_price", markup_percent: 0, rounding: "none" },
    quantityRules: { buffer: 0, max_quantity: null },
    stock: {},
    categoryAttributes: sandboxDefs,
  }
  const results = DEMO_PRODUCTS.map((seed, i) => ({ seed, result: mapProduct(sourceOf(seed, i), ctx) }))

  it("fills every required attribute of each valid product's category: Brand, Origin, Material and Gender", () => {
    const flawed = new Set(["flawed-long-title-tee", "flawed-script-tee", "flawed-seven-images-hoodie", "flawed-no-material-tee"])
    for (const { seed, result } of results.filter((r) => !flawed.has(r.seed.handle))) {
      expect([seed.handle, result.problems]).toEqual([seed.handle, []])
      const defs = sandboxDefs(String(result.payload!.aliexpress_category_id))!
      const sent = new Set(result.payload!.attribute_list.map((a) => String(a.aliexpress_attribute_name_id)))
      for (const attr of defs.attributes.filter((a) => a.required)) expect([seed.handle, attr.name, sent.has(attr.name_id)]).toEqual([seed.handle, attr.name, true])
      expect(sent.has("284")).toBe(true)
    }
    const organic = results.find((r) => r.seed.handle === "organic-cotton-v-neck-tee")!.result.payload!
    expect(organic.attribute_list).toContainEqual({ aliexpress_attribute_name_id: 10, aliexpress_attribute_value_id: 47 })
  })

  it("shows a true missing-attribute case: the Merino tee lacks Material", () => {
    const merino = results.find((r) => r.seed.handle === "flawed-no-material-tee")!.result
    expect(merino.payload).toBeNull()
    expect(merino.problems).toEqual([expect.objectContaining({ field: "attribute:Material" })])
    expect(merino.problems[0].message).toContain('Category 200000346 requires "Material"')
  })
})
