import {
  evaluateCondition,
  fieldSourceSchema,
  mappingTemplateSchema,
  renderTemplate,
  resolveField,
  type FieldSource,
  type LookupList,
  type RuleCondition,
} from "../../../src/lib/mapping"
import { product, variant } from "./fixtures"

const p = product({
  variants: [
    variant({ size: "S", color: "Red", barcode: "123", weight: 300, metadata: { gtin: "0042" } }),
    variant({ size: "M", color: "Blue" }),
  ],
  options: [
    { title: "Size", values: [{ value: "S" }, { value: "M" }] },
    { title: "Color", values: [{ value: "Red" }, { value: "Blue" }] },
  ],
})
const v = p.variants[0]
const lists: LookupList[] = [
  { id: "list_cat", name: "categories", entries: [{ from: "shirts", to: "200000346" }, { from: "Pants", to: "200000999" }] },
  { id: "list_brand", name: "Brands", entries: [{ from: "acme", to: "ACME Corp" }] },
]
const resolve = (source: FieldSource, withVariant = false) => resolveField(source, p, withVariant ? v : undefined, lists)

describe("attribute paths", () => {
  it.each([
    ["title", "Classic Cotton Shirt"],
    ["subtitle", "Soft and breathable"],
    ["handle", "classic-shirt"],
    ["material", "Cotton"],
    ["weight", 350],
    ["length", 30],
    ["width", 20],
    ["height", 5],
    ["origin_country", "pt"],
    ["hs_code", "6205"],
    ["type", "Apparel"],
    ["collection", "Summer"],
    ["categories", ["Shirts"]],
    ["categories.handle", ["shirts"]],
    ["tags", ["shirt", "cotton"]],
    ["metadata.brand", "Acme"],
    ["metadata.fit", 3],
    ["images[0]", "https://cdn.example.com/shirt-1.jpg"],
    ["images[3]", "https://cdn.example.com/shirt-4.jpg"],
    ["images", [1, 2, 3, 4].map((n) => `https://cdn.example.com/shirt-${n}.jpg`)],
    ["thumbnail", "https://cdn.example.com/thumb.jpg"],
    ["options.Color", ["Red", "Blue"]],
    ["options.size", ["S", "M"]],
  ])("%s", (path, expected) => {
    expect(resolve({ source: "attribute", path }).value).toEqual(expected)
  })

  it.each([
    ["variant.sku", "SHIRT-S-RED"],
    ["variant.title", "S / Red"],
    ["variant.barcode", "123"],
    ["variant.weight", 300],
    ["variant.metadata.gtin", "0042"],
    ["variant.option.Color", "Red"],
    ["variant.option.Size", "S"],
    ["variant.price.usd", 19.5],
    ["variant.price.EUR", 18],
  ])("per variant %s", (path, expected) => {
    expect(resolve({ source: "attribute", path }, true).value).toEqual(expected)
  })

  it("reads the variant option title from the product options when the variant omits it", () => {
    const bare = product({ variants: [{ ...variant({ size: "L" }), options: [{ value: "L" }] }] })
    expect(resolveField({ source: "attribute", path: "variant.option.Size" }, bare, bare.variants[0], []).value).toBe("L")
  })

  it("a variant path at product level reads the first variant", () => {
    expect(resolve({ source: "attribute", path: "variant.sku" }).value).toBe("SHIRT-S-RED")
  })

  it.each([
    ["metadata.missing", { value: undefined, missing: ["metadata.missing"] }],
    ["images[9]", { value: undefined, missing: ["images[9]"] }],
    ["variant.price.gbp", { value: undefined, missing: ["variant.price.gbp"] }],
  ])("empty %s is reported as missing", (path, expected) => {
    expect(resolve({ source: "attribute", path }, true)).toEqual(expected)
  })

  it("an unknown path is a resolution problem", () => {
    expect(resolve({ source: "attribute", path: "colour" }).problem?.message).toBe('Unknown attribute path "colour"')
  })
})

describe("constant and template sources", () => {
  it.each<[string, FieldSource, unknown]>([
    ["constant string", { source: "constant", value: "piece" }, "piece"],
    ["constant number", { source: "constant", value: 3 }, 3],
    ["template text", { source: "template", template: "{title} - {metadata.brand}" }, "Classic Cotton Shirt - Acme"],
    ["template list joined", { source: "template", template: "Tags: {tags}" }, "Tags: shirt, cotton"],
    ["single placeholder keeps the raw value", { source: "template", template: "{weight}" }, 350],
    ["missing placeholder renders empty", { source: "template", template: "{title} {metadata.nope}" }, "Classic Cotton Shirt"],
    ["variant placeholders", { source: "template", template: "{variant.sku}/{variant.option.Color}" }, "SHIRT-S-RED/Red"],
  ])("%s", (_, source, expected) => {
    expect(resolve(source, true).value).toEqual(expected)
  })

  it("an all-empty template is empty and names its placeholders", () => {
    expect(renderTemplate("{metadata.a} {metadata.b}", p, undefined)).toEqual({
      value: undefined,
      missing: ["metadata.a", "metadata.b"],
    })
  })
})

describe("rule conditions", () => {
  const rows: [RuleCondition, boolean][] = [
    [{ path: "metadata.brand", op: "equals", value: "acme" }, true],
    [{ path: "metadata.brand", op: "equals", value: "Other" }, false],
    [{ path: "tags", op: "equals", value: "cotton" }, true],
    [{ path: "weight", op: "equals", value: "350" }, true],
    [{ path: "metadata.brand", op: "not_equals", value: "Other" }, true],
    [{ path: "metadata.brand", op: "not_equals", value: "ACME" }, false],
    [{ path: "title", op: "contains", value: "cotton" }, true],
    [{ path: "title", op: "contains", value: "silk" }, false],
    [{ path: "tags", op: "contains", value: "shirt" }, true],
    [{ path: "tags", op: "contains", value: "shir" }, false],
    [{ path: "type", op: "in", value: ["Shoes", "apparel"] }, true],
    [{ path: "type", op: "in", value: ["Shoes"] }, false],
    [{ path: "weight", op: "gt", value: 300 }, true],
    [{ path: "weight", op: "gt", value: 350 }, false],
    [{ path: "weight", op: "lt", value: 351 }, true],
    [{ path: "weight", op: "lt", value: 10 }, false],
    [{ path: "title", op: "gt", value: 1 }, false],
    [{ path: "metadata.brand", op: "exists" }, true],
    [{ path: "metadata.none", op: "exists" }, false],
    [{ path: "metadata.none", op: "not_exists" }, true],
    [{ path: "tags", op: "not_exists" }, false],
    [{ path: "variant.option.Color", op: "equals", value: "red" }, true],
  ]
  it.each(rows)("%j -> %s", (cond, expected) => {
    expect(evaluateCondition(cond, p, v)).toBe(expected)
  })

  it("first matching rule wins, values render placeholders, default otherwise", () => {
    const source: FieldSource = {
      source: "rule",
      rules: [
        { when: { path: "metadata.none", op: "exists" }, value: "never" },
        { when: { path: "metadata.brand", op: "exists" }, value: "{metadata.brand} Brand" },
        { when: { path: "title", op: "exists" }, value: "second" },
      ],
      default: "NoBrand",
    }
    expect(resolve(source).value).toBe("Acme Brand")
    const noBrand = product({ metadata: {} })
    expect(resolveField(source, { ...noBrand, title: "" }, undefined, lists).value).toBe("NoBrand")
  })

  it("no match and no default is empty, naming what was missing", () => {
    const source: FieldSource = { source: "rule", rules: [{ when: { path: "metadata.x", op: "exists" }, value: 1 }] }
    expect(resolve(source)).toEqual({ value: undefined, missing: ["metadata.x"] })
  })

  it("per-variant rules see the variant", () => {
    const source: FieldSource = {
      source: "rule",
      rules: [{ when: { path: "variant.option.Color", op: "equals", value: "Blue" }, value: 25 }],
      default: 20,
    }
    expect(resolveField(source, p, p.variants[0], lists).value).toBe(20)
    expect(resolveField(source, p, p.variants[1], lists).value).toBe(25)
  })
})

describe("lookup sources", () => {
  it.each<[string, FieldSource, unknown]>([
    ["hit by list name", { source: "lookup", list: "categories", path: "categories.handle", on_miss: "problem" }, "200000346"],
    ["hit by list id", { source: "lookup", list: "list_brand", path: "metadata.brand", on_miss: "problem" }, "ACME Corp"],
    ["hit is case-insensitive", { source: "lookup", list: "BRANDS", path: "metadata.brand", on_miss: "problem" }, "ACME Corp"],
    ["miss with default", { source: "lookup", list: "categories", path: "type", on_miss: "default", default: "100" }, "100"],
  ])("%s", (_, source, expected) => {
    const r = resolve(source)
    expect(r.problem).toBeUndefined()
    expect(r.value).toEqual(expected)
  })

  it("miss with on_miss problem names the list and the value", () => {
    const r = resolve({ source: "lookup", list: "categories", path: "type", on_miss: "problem" })
    expect(r.value).toBeUndefined()
    expect(r.problem).toEqual({
      message: 'No entry in lookup list "categories" for type "Apparel"',
      hint: 'Add an entry for "Apparel" to the lookup list "categories", or change Product > Organize > Type in Medusa',
    })
  })

  it("a missing list is a problem", () => {
    const r = resolve({ source: "lookup", list: "nope", path: "type", on_miss: "default", default: "1" })
    expect(r.problem?.message).toBe('Lookup list "nope" does not exist')
  })
})

describe("schemas", () => {
  it.each<[string, unknown]>([
    ["attribute", { source: "attribute", path: "metadata.brand" }],
    ["constant", { source: "constant", value: 3 }],
    ["template", { source: "template", template: "{title} by {metadata.brand}" }],
    ["rule", { source: "rule", rules: [{ when: { path: "tags", op: "in", value: ["a", 1] }, value: "x" }], default: 2 }],
    ["lookup", { source: "lookup", list: "categories", path: "categories.handle", on_miss: "problem" }],
  ])("accepts %s", (_, input) => {
    expect(fieldSourceSchema.safeParse(input).success).toBe(true)
  })

  it.each<[string, unknown, string]>([
    ["unknown source", { source: "magic" }, "source must be one of"],
    ["extra key", { source: "constant", value: 1, extra: true }, "extra"],
    ["unknown path", { source: "attribute", path: "colour" }, 'unknown attribute path "colour"'],
    ["unknown placeholder", { source: "template", template: "{titel}" }, "unknown placeholder {titel}"],
    ["op without value", { source: "rule", rules: [{ when: { path: "title", op: "equals" }, value: 1 }] }, 'op "equals" needs a value'],
    ["in without list", { source: "rule", rules: [{ when: { path: "title", op: "in", value: "a" }, value: 1 }] }, 'op "in" needs a list'],
    ["gt without number", { source: "rule", rules: [{ when: { path: "weight", op: "gt", value: "a" }, value: 1 }] }, 'op "gt" needs a number'],
    ["bad op", { source: "rule", rules: [{ when: { path: "title", op: "like", value: "a" }, value: 1 }] }, "op must be one of"],
    ["default miss without default", { source: "lookup", list: "l", path: "type", on_miss: "default" }, "needs a default"],
  ])("rejects %s", (_, input, message) => {
    const r = fieldSourceSchema.safeParse(input)
    expect(r.success).toBe(false)
    expect(r.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n")).toContain(message)
  })

  it("template schema fills settings defaults and rejects unknown field keys", () => {
    const ok = mappingTemplateSchema.parse({ name: "T", fields: { subject: { source: "attribute", path: "title" } } })
    expect(ok.settings).toEqual({
      title_max_length: 128,
      language: "en",
      color_option: ["Color", "Colour"],
      size_option: ["Size"],
      weight_unit: "g",
      dimension_unit: "cm",
      price_currency: "usd",
    })
    expect(mappingTemplateSchema.safeParse({ name: "T", fields: { title: { source: "constant", value: 1 } } }).success).toBe(false)
  })
})
