import {
  buildPayload,
  findDuplicateSkus,
  isSupportedImage,
  mapProduct,
  type MappingContext,
  type Problem,
  type SourceProduct,
} from "../../../src/lib/mapping"
import { context, product, variant } from "./fixtures"

type Row = [
  name: string,
  change: (p: SourceProduct, ctx: MappingContext) => void,
  expected: Partial<Problem> | null,
]

const set = (key: keyof MappingContext["template"]["fields"], source: any) => (_: SourceProduct, ctx: MappingContext) => {
  ctx.template.fields[key] = source
}
const constant = (key: keyof MappingContext["template"]["fields"], value: string | number) => set(key, { source: "constant", value })
const twoColors = (p: SourceProduct, colors: [string, string]) => {
  p.options = [{ title: "Color", values: colors.map((value) => ({ value })) }]
  p.variants = colors.map((c, i) => ({
    ...variant({ size: "M" }),
    id: `v${i}`,
    sku: `SKU-${i}`,
    title: c,
    options: [{ value: c, option: { title: "Color" } }],
  }))
}

// Each rule: a failing row (with the problem expected) and a passing row (null: no problem at all).
const rows: Row[] = [
  ["category not mapped", set("category_id", undefined), { field: "category_id", message: "Category ID is not mapped", hint: 'Map "Category ID" in the mapping template' }],
  ["category lookup miss", (p) => void (p.categories = [{ id: "c", name: "Hats", handle: "hats" }]), { field: "category_id", message: 'No entry in lookup list "categories" for categories.handle "hats"' }],
  ["category not numeric", constant("category_id", "shirts"), { field: "category_id", message: 'Category ID must be a numeric AliExpress category id (got "shirts")' }],
  ["category unknown", constant("category_id", "42"), { field: "category_id", message: "Category 42 is not an AliExpress category" }],
  ["category not a leaf", constant("category_id", "3"), { field: "category_id", message: "Category 3 (Apparel) is not a leaf category" }],
  ["category leaf", constant("category_id", "200000346"), null],
  ["leaf check skipped without categoryInfo", (_, ctx) => { ctx.template.fields.category_id = { source: "constant", value: 42 }; delete ctx.categoryInfo }, null],

  ["subject empty", (p) => void (p.title = " "), { field: "subject", message: "Product Name is empty for this product", hint: 'Set Product > Title in Medusa, or change "Product Name" in the mapping template' }],
  ["subject too long", (p) => void (p.title = "x".repeat(129)), { field: "subject", message: "Product Name is 129 characters, more than 128", hint: 'Shorten the product title in Medusa (Product > Title) or map "Product Name" to a shorter attribute in the mapping template' }],
  ["subject at the limit", (p) => void (p.title = "x".repeat(128)), null],
  ["subject limit is a setting", (p, ctx) => { p.title = "x".repeat(150); ctx.template.settings.title_max_length = 218 }, null],
  ["subject not English (CJK)", (p) => void (p.title = "经典棉衬衫"), { field: "subject", message: 'Product Name is not in English (found "经典棉衬衫")' }],
  ["subject not English (Cyrillic)", (p) => void (p.title = "Рубашка"), { field: "subject", message: 'Product Name is not in English (found "Рубаш")' }],
  ["subject not English (Greek)", (p) => void (p.title = "Πουκάμισο"), { field: "subject" }],
  ["subject not English (Arabic)", (p) => void (p.title = "قميص"), { field: "subject" }],
  ["subject with accents is fine", (p) => void (p.title = "Café Crème Shirt – Größe"), null],

  ["description missing", (p) => void (p.description = null), { field: "description", message: "Description is empty for this product", hint: 'Set Product > Description in Medusa, or change "Description" in the mapping template' }],
  ["description empty after sanitising", (p) => void (p.description = "<script>alert(1)</script><style>p{}</style>"), { field: "description", message: "Description has no text or images left after removing unsupported markup" }],
  ["description loses visible text", (p) => void (p.description = "<p>Shirt</p><form><p>Order now</p></form>"), { field: "description", message: 'Description: text inside <form> ("Order now") would be removed; AliExpress does not accept <form>' }],
  ["description loses only invisible content", (p) => void (p.description = '<p onclick="x()">Shirt</p><script>track()</script><iframe src="https://x"></iframe>'), null],
  ["description of images only", (p) => void (p.description = '<img src="https://cdn.example.com/d.png">'), null],
  ["description plain text", (p) => void (p.description = "Line one\nLine two"), null],
  ["description not English", (p) => void (p.description = "<p>Хорошая рубашка</p>"), { field: "description", message: 'Description is not in English (found "Хорша")' }],
  ["mobile description loses text", (p, ctx) => { ctx.template.fields.mobile_description = { source: "attribute", path: "metadata.mobile" }; p.metadata = { ...p.metadata, mobile: "<button>Tap</button><p>x</p>" } }, { field: "mobile_description", message: 'Mobile Description: text inside <button> ("Tap") would be removed; AliExpress does not accept <button>' }],

  ["keywords empty", (p, ctx) => { ctx.template.fields.keywords = { source: "attribute", path: "tags" }; p.tags = [] }, { field: "keywords", message: "Keyword is empty for this product" }],
  ["keywords too long", (p) => void (p.tags = [{ value: "k".repeat(129) }]), { field: "keywords", message: "Keyword is 129 characters, more than 128", hint: 'Use fewer or shorter tags (Product > Organize > Tags) in Medusa, or map "Keyword" to a shorter value in the mapping template' }],
  ["keywords too long from the title fallback", (p) => { p.tags = []; p.title = "Tee ".repeat(40) }, { field: "keywords", message: "Keyword is 159 characters, more than 128", hint: 'Shorten Product > Title in Medusa, or map "Keyword" to a shorter value in the mapping template' }],
  ["keywords too long from a constant", constant("keywords", "k".repeat(129)), { field: "keywords", hint: 'Shorten the value of "Keyword" in the mapping template' }],
  ["keywords not English", (p) => void (p.tags = [{ value: "衬衫" }]), { field: "keywords", message: 'Keyword is not in English (found "衬衫")' }],
  ["keywords fall back to the title", (p) => void (p.tags = []), null],

  ["no images", (p) => { p.images = []; p.thumbnail = null }, { field: "images", message: "The product has no images" }],
  ["thumbnail stands in for photo 1", (p) => void (p.images = []), null],
  ["more than 6 photos", (p, ctx) => { ctx.template.fields.photo_1 = { source: "attribute", path: "images" }; p.images = [1, 2, 3, 4, 5, 6, 7].map((n) => ({ url: `https://c/${n}.jpg` })) }, { field: "images", message: "7 photos are mapped; AliExpress takes at most 6", hint: "AliExpress takes at most 6 photos: remove some from the product or map Photo 1..6 to the ones to keep" }],
  ["exactly 6 photos", (p, ctx) => { ctx.template.fields.photo_1 = { source: "attribute", path: "images" }; p.images = [1, 2, 3, 4, 5, 6].map((n) => ({ url: `https://c/${n}.jpg` })) }, null],
  ["webp image", (p) => void (p.images[1] = { url: "https://cdn.example.com/a.webp" }), { field: "images", message: "Image https://cdn.example.com/a.webp is not a jpg, gif or png http(s) URL" }],
  ["png with a query string", (p) => void (p.images[1] = { url: "https://cdn.example.com/a.PNG?w=800#x" }), null],

  ["delivery time not mapped", set("delivery_time", undefined), { field: "delivery_time", message: "Delivery Time is not mapped" }],
  ["delivery time out of range", constant("delivery_time", 61), { field: "delivery_time", message: 'Delivery Time must be a whole number from 1 to 60 days (got "61")' }],
  ["delivery time not integer", constant("delivery_time", "2.5"), { field: "delivery_time" }],
  ["delivery time 60", constant("delivery_time", 60), null],

  ["length missing", (p) => { p.length = null; p.variants.forEach((v) => (v.length = null)) }, { field: "package_length", message: "Package Length (cm) is empty for this product", hint: 'Set Product > Attributes > Length, Product > Variants > Attributes > Length in Medusa, or add a default to "Package Length (cm)" in the mapping template' }],
  ["length from the variant", (p) => { p.length = null; p.variants.forEach((v) => (v.length = 12)) }, null],
  ["width too large", (p) => void (p.width = 701), { field: "package_width", message: 'Package Width (cm) must be 1-700 cm (got "701" cm)' }],
  ["height zero", (p) => void (p.height = 0), { field: "package_height" }],
  ["height in mm converts", (p, ctx) => { p.height = 7000; ctx.template.settings.dimension_unit = "mm" }, null],
  ["height in mm too large", (p, ctx) => { p.height = 7001; ctx.template.settings.dimension_unit = "mm" }, { field: "package_height" }],

  ["weight missing", (p) => { p.weight = null; p.variants.forEach((v) => (v.weight = null)) }, { field: "weight", message: "Package Weight (kg) is empty for this product" }],
  ["weight too heavy", (p) => void (p.weight = 500001), { field: "weight", message: 'Package Weight (kg) must be 0.001-500 kg (got "500001" g)' }],
  ["weight 1 g", (p) => void (p.weight = 1), null],
  ["weight in kg", (p, ctx) => { p.weight = 500; ctx.template.settings.weight_unit = "kg" }, null],
  ["weight not a number", (p, ctx) => { ctx.template.fields.weight = { source: "attribute", path: "metadata.season" } }, { field: "weight" }],

  ["price missing", (p) => void (p.variants[1].prices = [{ amount: 10, currency_code: "eur" }]), { field: "sku:SHIRT-M", message: 'Variant "M" has no USD price', hint: 'Add a USD price to the variant in Medusa (Product > Variants > M > Prices), or map "Retail Price (USD)" in the mapping template' }],
  ["price too low", (p) => void (p.variants[0].prices = [{ amount: 0.004, currency_code: "usd" }]), { field: "sku:SHIRT-S", message: "Price 0.00 USD is outside 0.01-999999" }],
  ["price too high", (p) => void (p.variants[0].prices = [{ amount: 1000000, currency_code: "usd" }]), { field: "sku:SHIRT-S" }],
  ["conversion without a rate", (_, ctx) => void (ctx.priceRules = { source: "convert", store_currency: "eur", markup_percent: 0, rounding: "none" }), { field: "sku:SHIRT-S", message: "No USD conversion rate is set", hint: "Set the USD rate in the AliExpress price rules" }],
  ["price 0.01", (p) => void (p.variants[0].prices = [{ amount: 0.01, currency_code: "usd" }]), null],

  ["sku missing", (p) => void (p.variants[0].sku = null), { field: "variant:variant_S", message: 'Variant "S" has no SKU (AliExpress\'s sku_code)' }],
  ["sku duplicated", (p) => void (p.variants[1].sku = "SHIRT-S"), { field: "sku:SHIRT-S", message: 'SKU "SHIRT-S" is used by 2 variants of this product' }],
  ["sku too long", (p) => void (p.variants[0].sku = "S".repeat(51)), { field: `sku:${"S".repeat(51)}`, message: `SKU "${"S".repeat(51)}" is longer than 50 characters` }],
  ["sku bad characters", (p) => void (p.variants[0].sku = "SHIRT S/1"), { field: "sku:SHIRT S/1", message: 'SKU "SHIRT S/1" may only contain letters, digits, "-", "_" and "."' }],
  ["sku with . _ -", (p) => void (p.variants[0].sku = "a.B_c-1"), null],

  ["option neither color nor size", (p) => { p.options.push({ title: "Material", values: [{ value: "Silk" }, { value: "Wool" }] }); p.variants[0].options.push({ value: "Silk", option: { title: "Material" } }); p.variants[1].options.push({ value: "Wool", option: { title: "Material" } }) }, { field: "skus", message: 'Option "Material" is neither a Color nor a Size: AliExpress varies products by Color and Size only' }],
  ["option with one value is no variation", (p) => { p.options.push({ title: "Material", values: [{ value: "Silk" }] }); p.variants.forEach((v) => v.options.push({ value: "Silk", option: { title: "Material" } })) }, null],
  ["option named in the settings", (p, ctx) => { twoColors(p, ["Red", "Blue"]); p.options[0].title = "Shade"; p.variants.forEach((v) => (v.options[0].option = { title: "Shade" })); ctx.template.settings.color_option = ["Shade"] }, null],
  ["value too long", (p) => twoColors(p, ["R".repeat(71), "Blue"]), { field: "sku:SKU-0", message: `Color value "${"R".repeat(20)}..." is longer than 70 characters` }],
  ["value with a forbidden character", (p) => twoColors(p, ["Red#1", "Blue"]), { field: "sku:SKU-0", message: 'Color value "Red#1" contains one of { # : = , ;' }],
  ["value not English", (p) => twoColors(p, ["红色", "Blue"]), { field: "sku:SKU-0", message: 'Color value "红色" is not in English (found "红色")' }],
  ["several SKUs without attributes", (p) => { p.options = []; p.variants.forEach((v) => (v.options = [])) }, { field: "sku:SHIRT-S", message: 'Variant "S" has no Color or Size: with more than one SKU every SKU needs one' }],
  ["one SKU needs no attributes", (p) => { p.options = [{ title: "Default option", values: [{ value: "Default option value" }] }]; p.variants = [{ ...variant(), options: [{ value: "Default option value", option: { title: "Default option" } }] }] }, null],
  ["same combination twice", (p) => twoColors(p, ["Red", "red"]), { field: "skus", message: 'Variants "Red" and "red" have the same Color/Size combination' }],
  ["color and size combinations", (p) => { p.options.push({ title: "Colour", values: [{ value: "Red" }] }); p.variants.forEach((v) => v.options.push({ value: "Red", option: { title: "Colour" } })) }, null],

  ["lot size out of range", constant("lot_size", 0), { field: "lot_size", message: 'Sold in Lots must be a whole number from 1 to 100000 (got "0")' }],
  ["lot size 100000", constant("lot_size", 100000), null],

  ["unit type unknown", constant("unit_type", "barrelful"), { field: "unit_type", message: 'Unit type "barrelful" is not an AliExpress unit' }],
  ["unit type unknown id", constant("unit_type", 123), { field: "unit_type" }],
  ["unit type by id", constant("unit_type", 100000013), null],
  ["unit type plural name", constant("unit_type", "Pairs"), null],

  ["freight template not mapped", set("freight_template_id", undefined), { field: "freight_template_id", message: "Freight Template is not mapped", hint: 'Map "Freight Template" in the mapping template' }],
  ["freight template not the seller's", constant("freight_template_id", 2000), { field: "freight_template_id", message: "Freight Template 2000 is not one of the seller's AliExpress templates" }],
  ["freight template unchecked without a list", (_, ctx) => { ctx.template.fields.freight_template_id = { source: "constant", value: 2000 }; delete ctx.validFreightTemplateIds }, null],
  ["service template not mapped", set("service_template_id", undefined), { field: "service_template_id", message: "Service Template is not mapped" }],
  ["service template not the seller's", constant("service_template_id", 77), { field: "service_template_id", message: "Service Template 77 is not one of the seller's AliExpress templates" }],
  ["service template known", constant("service_template_id", 55), null],

  ["brand empty", set("brand", { source: "attribute", path: "metadata.brand" }), null],
  ["brand missing", (p, ctx) => { ctx.template.fields.brand = { source: "attribute", path: "metadata.label" } }, { field: "brand", message: "Brand is empty for this product", hint: 'Set Product > Metadata > label in Medusa, or change "Brand" in the mapping template' }],
  ["brand defaults to NoBrand", (p) => void (p.metadata = {}), null],
]

describe("validation rules", () => {
  it("the base fixture lists cleanly", () => {
    expect(buildPayload(product(), context()).problems).toEqual([])
  })

  it.each(rows)("%s", (_, change, expected) => {
    const p = product()
    const ctx = context()
    change(p, ctx)
    const { problems } = buildPayload(p, ctx)
    if (expected === null) {
      expect(problems).toEqual([])
    } else {
      expect(problems).toContainEqual(expect.objectContaining({ origin: "validation", ...expected }))
      for (const problem of problems) {
        expect(problem.hint.length).toBeGreaterThan(10)
      }
    }
  })

  it("invalid products are never sent", () => {
    const p = product({ title: "" })
    const result = mapProduct(p, context())
    expect(result.payload).toBeNull()
    expect(result.problems.map((x) => x.field)).toEqual(["subject"])
  })
})

describe("isSupportedImage", () => {
  it.each([
    ["https://a.com/x.jpg", true],
    ["http://a.com/x.JPEG?size=2", true],
    ["https://a.com/x.gif#frag", true],
    ["data:image/png;base64,AAAA", true],
    ["data:image/webp;base64,AAAA", false],
    ["https://a.com/x.webp", false],
    ["https://a.com/jpg", false],
    ["ftp://a.com/x.jpg", false],
    ["/relative/x.jpg", false],
  ])("%s -> %s", (url, ok) => {
    expect(isSupportedImage(url)).toBe(ok)
  })
})

describe("findDuplicateSkus", () => {
  it("lists SKUs used more than once across products", () => {
    const a = product({ id: "p1" })
    const b = product({ id: "p2", variants: [variant({ size: "M" }), { ...variant({ size: "XL" }), sku: null }] })
    const c = product({ id: "p3", variants: [variant({ size: "XS" })] })
    expect(findDuplicateSkus([a, b, c])).toEqual([
      {
        sku_code: "SHIRT-M",
        occurrences: [
          { productId: "p1", variantId: "variant_M" },
          { productId: "p2", variantId: "variant_M" },
        ],
      },
    ])
    expect(findDuplicateSkus([a, c])).toEqual([])
  })
})

describe("more product images than AliExpress takes", () => {
  it("reports a seventh product image instead of dropping it silently", () => {
    const { mapProduct } = require("../../../src/lib/mapping")
    const fixtures = require("./fixtures")
    const seven = Array.from({ length: 7 }, (_, i) => ({ url: `https://cdn.example.com/p-${i}.jpg` }))
    const result = mapProduct(fixtures.product({ images: seven }), fixtures.context())
    expect(result.payload).toBeNull()
    const problem = result.problems.find((p: any) => p.field === "images")
    expect(problem.message).toContain("7 images")
    expect(problem.hint).toContain("Product > Media")

    const six = mapProduct(fixtures.product({ images: seven.slice(0, 6) }), fixtures.context())
    expect(six.problems.filter((p: any) => p.field === "images")).toEqual([])
  })
})

describe("description images", () => {
  it("keeps absolute http(s) images and drops ones a buyer could not load", () => {
    const { sanitizeDescription } = require("../../../src/lib/mapping")
    const out = sanitizeDescription(`<p>Tee</p><img src=x onerror=alert(1)><img src="https://cdn.example.com/a.jpg" alt="front">`)
    expect(out.html).not.toContain('src="x"')
    expect(out.html).not.toContain("onerror")
    expect(out.html).toContain('src="https://cdn.example.com/a.jpg"')
  })
})
