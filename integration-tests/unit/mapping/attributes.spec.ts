import {
  attributeListEntries,
  buildPayload,
  mapProduct,
  mappingTemplateSchema,
  matchValue,
  matchValues,
  resolveAttribute,
  splitValues,
  valueMatchReport,
  type CategoryAttributeDef,
  type LookupList,
  type MappingContext,
  type MatchKind,
  type SourceProduct,
} from "../../../src/lib/mapping"
import { CATEGORY_ID, contextWithAttributes, product, shirtAttributes } from "./fixtures"

const defs = shirtAttributes()
const def = (name: string) => defs.attributes.find((d) => d.name === name) as CategoryAttributeDef
const materials: LookupList = {
  id: "list_m",
  name: "materials",
  entries: [
    { from: "Organic cotton", to: "47" },
    { from: "Poly", to: "Polyester" },
  ],
}

describe("value matching", () => {
  const table: Array<[string, string, string, MatchKind, string | undefined]> = [
    ["exact name", "Material", "Cotton", "exact", "47"],
    ["other case", "Material", "cotton", "spacing", "47"],
    ["other spacing", "Material", "  Poly ester ", "spacing", "48"],
    ["value list to a value id", "Material", "organic  COTTON", "lookup", "47"],
    ["value list to a value name", "Material", "poly", "lookup", "48"],
    ["an AliExpress value id", "Material", "1386", "id", "1386"],
    ["an ISO country code", "Origin", "pt", "country", "9441741850"],
    ["cn as Mainland China", "Origin", "CN", "country", "9441741844"],
    ["no match, Other exists", "Material", "Bamboo", "other", "4"],
    ["no match, no Other", "Origin", "Atlantis", "none", undefined],
    ["no match on a single-select without Other", "Gender", "Kids", "none", undefined],
    ["free text", "Model Number", "SH-100", "text", undefined],
  ]

  it.each(table)("%s", (_name, attribute, input, kind, valueId) => {
    const match = matchValue(def(attribute), input, materials)
    expect(match.kind).toBe(kind)
    expect(match.value?.id).toBe(valueId)
    expect(match.input).toBe(input.trim())
  })

  const splits: Array<[string, Parameters<typeof splitValues>[0], boolean, string[]]> = [
    ["a multi-select splits on commas", "Cotton, Polyester", true, ["Cotton", "Polyester"]],
    ["and on semicolons and slashes", "Cotton;Linen / Polyester", true, ["Cotton", "Linen", "Polyester"]],
    ["drops repeats, case and spacing ignored", "Cotton, cotton , COTTON", true, ["Cotton"]],
    ["a single-select keeps the value whole", "Cotton, Polyester", false, ["Cotton, Polyester"]],
    ["lists keep one value per item", ["Men", "Women"], false, ["Men", "Women"]],
    ["empty values give nothing", " , ", true, []],
    ["nothing gives nothing", undefined, true, []],
  ]

  it.each(splits)("%s", (_name, raw, multi, expected) => {
    expect(splitValues(raw, multi)).toEqual(expected)
  })

  it("a single-select given a list keeps its first listed match", () => {
    expect(matchValues(def("Gender"), ["summer", "Women", "Men"], [])).toEqual([
      { input: "Women", kind: "exact", value: { id: "100006041", name: "Women" } },
    ])
  })
})

describe("attribute_list by fill type", () => {
  const ctx = contextWithAttributes({ lookupLists: [materials] })
  const entriesFor = (attribute: string, p: SourceProduct, value_list?: string) => {
    ctx.template.attributes = { ...ctx.template.attributes, [attribute]: { source: { source: "attribute", path: "metadata.value" }, value_list } }
    return attributeListEntries(resolveAttribute(def(attribute), p, ctx.template, ctx.lookupLists, CATEGORY_ID))
  }
  const withValue = (value: unknown) => product({ metadata: { value } })

  const table: Array<[string, string, unknown, string | undefined, object[]]> = [
    ["1) dropdown: name id + value id", "Gender", "women", undefined, [{ aliexpress_attribute_name_id: 284, aliexpress_attribute_value_id: 100006041 }]],
    [
      "1) multi-select: one element per value",
      "Material",
      "Cotton, Poly, Linen",
      "materials",
      [
        { aliexpress_attribute_name_id: 10, aliexpress_attribute_value_id: 47 },
        { aliexpress_attribute_name_id: 10, aliexpress_attribute_value_id: 48 },
        { aliexpress_attribute_name_id: 10, aliexpress_attribute_value_id: 1386 },
      ],
    ],
    ["2) free text: name id + text", "Model Number", "SH-100", undefined, [{ aliexpress_attribute_name_id: 3, attribute_value: "SH-100" }]],
    [
      "3) Other: name id + the Other value id + text",
      "Material",
      "Bamboo",
      undefined,
      [{ aliexpress_attribute_name_id: 10, aliexpress_attribute_value_id: 4, attribute_value: "Bamboo" }],
    ],
    [
      "a multi-select mixes listed values with one Other",
      "Material",
      "Cotton, Bamboo, Hemp",
      undefined,
      [
        { aliexpress_attribute_name_id: 10, aliexpress_attribute_value_id: 47 },
        { aliexpress_attribute_name_id: 10, aliexpress_attribute_value_id: 4, attribute_value: "Bamboo, Hemp" },
      ],
    ],
    ["no match and no Other sends nothing (a problem instead)", "Gender", "Kids", undefined, []],
    ["an empty value sends nothing", "Gender", "", undefined, []],
  ]

  it.each(table)("%s", (_name, attribute, value, list, expected) => {
    expect(entriesFor(attribute, withValue(value), list)).toEqual(expected)
  })

  it("4) custom: an entry marked custom goes by name in categories without that attribute", () => {
    const c = contextWithAttributes()
    c.template.attributes = { ...c.template.attributes, Season: { source: { source: "attribute", path: "metadata.season" }, custom: true } }
    const { payload } = buildPayload(product(), c)
    expect(payload.attribute_list).toContainEqual({ attribute_name: "Season", attribute_value: "summer" })
  })
})

describe("category attributes in the payload and validation", () => {
  it("sends every attribute the product fills: Brand from the Brand field, Origin and Material from the default template", () => {
    const result = mapProduct(product({ metadata: { brand: "Acme", gender: "Unisex" } }), contextWithAttributes())
    expect(result.problems).toEqual([])
    expect(result.payload!.attribute_list).toEqual([
      { aliexpress_attribute_name_id: 2, aliexpress_attribute_value_id: 203004002 },
      { aliexpress_attribute_name_id: 219, aliexpress_attribute_value_id: 9441741850 },
      { aliexpress_attribute_name_id: 10, aliexpress_attribute_value_id: 47 },
      { aliexpress_attribute_name_id: 284, aliexpress_attribute_value_id: 100006042 },
    ])
  })

  it("a brand outside the list goes to Other with its name", () => {
    const result = mapProduct(product({ metadata: { brand: "Fjordwear" } }), contextWithAttributes())
    expect(result.payload!.attribute_list[0]).toEqual({ aliexpress_attribute_name_id: 2, aliexpress_attribute_value_id: 4, attribute_value: "Fjordwear" })
  })

  it("a missing required attribute names the attribute, the category, accepted values and where to fix it", () => {
    const result = mapProduct(product({ material: null, metadata: { brand: "Acme" } }), contextWithAttributes())
    expect(result.payload).toBeNull()
    expect(result.problems).toEqual([
      {
        field: "attribute:Material",
        message: 'Category Shirts (200000346) requires "Material", and this product has no value for it. Accepted values include Cotton, Polyester, Linen.',
        hint: 'Set Product > Attributes > Material or Product > Metadata > material in Medusa, or change the attribute "Material" in the mapping template',
        origin: "validation",
      },
    ])
  })

  it("without a template entry, an attribute reads Medusa's own field, else the metadata key named after it", () => {
    const c = contextWithAttributes()
    c.template.attributes = {}
    expect(mapProduct(product(), c).problems).toEqual([])
    const result = mapProduct(product({ origin_country: null, metadata: { brand: "Acme" } }), c)
    const origin = result.problems.find((p) => p.field === "attribute:Origin")
    expect(origin?.hint).toBe('Set Product > Attributes > Country of origin or Product > Metadata > origin in Medusa, or map "Origin" in the mapping template\'s attributes')
    const fixed = mapProduct(product({ origin_country: null, material: null, metadata: { brand: "Acme", origin: "Portugal", material: "Linen", gender: "men" } }), c)
    expect(fixed.problems).toEqual([])
    expect(fixed.payload!.attribute_list).toContainEqual({ aliexpress_attribute_name_id: 284, aliexpress_attribute_value_id: 100006040 })
  })

  it("a value with no match and no Other is a problem naming the value list to fix", () => {
    const c = contextWithAttributes()
    c.template.attributes = { ...c.template.attributes, Origin: { source: { source: "attribute", path: "metadata.made_in" }, value_list: "origins" } }
    const { problems } = buildPayload(product({ metadata: { brand: "Acme", made_in: "Atlantis" } }), c)
    expect(problems).toEqual([
      {
        field: "attribute:Origin",
        message: '"Atlantis" is not an accepted value of "Origin" in category Shirts (200000346), which has no "Other" value. Accepted values include Mainland China, Portugal, United States.',
        hint: 'Add "Atlantis" to the value list "origins" with its AliExpress value, or set Product > Metadata > made_in in Medusa, or change the attribute "Origin" in the mapping template',
        origin: "validation",
      },
    ])
  })

  it("a per-category override wins over the entry for every category", () => {
    const c = contextWithAttributes()
    c.template.attributes = {
      ...c.template.attributes,
      Gender: { source: { source: "constant", value: "Men" }, categories: { [CATEGORY_ID]: { source: { source: "constant", value: "Women" } } } },
    }
    const { payload } = buildPayload(product(), c)
    expect(payload.attribute_list).toContainEqual({ aliexpress_attribute_name_id: 284, aliexpress_attribute_value_id: 100006041 })
  })

  it("a leaf category whose definitions were not read is a problem, not a post without attributes", () => {
    const { problems } = buildPayload(product(), contextWithAttributes({ categoryAttributes: () => undefined }))
    expect(problems).toContainEqual(expect.objectContaining({ field: "attribute_list", message: "The attributes of category Shirts (200000346) could not be read from AliExpress" }))
  })

  it("spells SKU values as the category does and refuses a size the category does not list", () => {
    const p = product()
    p.variants[0].options[0].value = "s"
    const { payload, problems } = buildPayload(p, contextWithAttributes())
    expect(payload.sku_info_list[0].sku_attributes_list).toEqual([{ sku_attribute_name: "Size", sku_attribute_value: "S" }])
    expect(problems).toEqual([])
    p.variants[1].options[0].value = "Medium"
    const refused = buildPayload(p, contextWithAttributes()).problems
    expect(refused).toEqual([
      expect.objectContaining({
        field: "sku:SHIRT-M",
        message: 'Size "Medium" is not one of category Shirts (200000346)\'s values (S, M, L, XL), and the category takes no names of your own',
      }),
    ])
  })

  it("templates saved before attribute mapping still parse and map", () => {
    const old = { name: "Old", fields: { brand: { source: "constant", value: "NoBrand" } }, settings: {} }
    const parsed = mappingTemplateSchema.parse(old)
    expect(parsed.attributes).toEqual({})
    const c: MappingContext = { ...contextWithAttributes(), template: { ...contextWithAttributes().template, attributes: undefined } }
    const result = buildPayload(product({ metadata: {} }), c)
    expect(result.problems).toEqual([])
    expect(result.payload.attribute_list).toEqual([
      { aliexpress_attribute_name_id: 2, aliexpress_attribute_value_id: 201512802 },
      { aliexpress_attribute_name_id: 219, aliexpress_attribute_value_id: 9441741850 },
      { aliexpress_attribute_name_id: 10, aliexpress_attribute_value_id: 47 },
    ])
  })

  it("rejects attribute entries with a bad category key or source, naming the field", () => {
    const bad = mappingTemplateSchema.safeParse({ name: "x", fields: {}, attributes: { Material: { categories: { tees: {} } } } })
    expect(bad.success).toBe(false)
    expect(JSON.stringify(bad.error!.issues)).toContain("category keys must be AliExpress category ids")
    const badSource = mappingTemplateSchema.safeParse({ name: "x", fields: {}, attributes: { Material: { source: { source: "attribute", path: "nope" } } } })
    expect(JSON.stringify(badSource.error!.issues)).toContain('unknown attribute path \\"nope\\"')
  })
})

describe("value match report", () => {
  it("counts per attribute the products that match, go to Other, fail or have no value", () => {
    const products = [
      product({ id: "p1", material: "Cotton", metadata: { brand: "Acme", gender: "Women" } }),
      product({ id: "p2", material: "cotton, Bamboo", metadata: { brand: "Fjordwear", gender: "Kids" } }),
      product({ id: "p3", material: null, origin_country: "us", metadata: {} }),
    ]
    const c = contextWithAttributes()
    const report = valueMatchReport(shirtAttributes(), products, c.template, c.lookupLists)
    const by = Object.fromEntries(report.map((r) => [r.name, r]))
    expect(by.Material.counts).toEqual({ matched: 1, other: 1, failed: 0, empty: 1 })
    expect(by.Material.values).toHaveLength(3)
    expect(by.Material.values).toEqual(
      expect.arrayContaining([
        { input: "Cotton", kind: "exact", value_id: "47", value_name: "Cotton", products: 1 },
        { input: "Bamboo", kind: "other", value_id: "4", value_name: "Other", products: 1 },
        { input: "cotton", kind: "spacing", value_id: "47", value_name: "Cotton", products: 1 },
      ])
    )
    expect(by.Gender.counts).toEqual({ matched: 1, other: 0, failed: 1, empty: 1 })
    expect(by.Gender.origin).toBe("default")
    expect(by["Brand Name"]).toMatchObject({ origin: "brand", required: true, counts: { matched: 2, other: 1, failed: 0, empty: 0 } })
    expect(by.Origin.counts).toEqual({ matched: 3, other: 0, failed: 0, empty: 0 })
  })
})
