import {
  buildPayload,
  contentHash,
  defaultTemplate,
  FIELD_DEFINITIONS,
  FIELD_KEYS,
  hashListing,
  mapProduct,
  mappingTemplateSchema,
  priceHash,
  sanitizeDescription,
  stockHash,
  unitTypeId,
  type PostProductRequest,
} from "../../../src/lib/mapping"
import { fastSanitize, sanitizeWithParser } from "../../../src/lib/mapping/sanitize"
import { CATEGORY_ID, context, product, variant } from "./fixtures"

describe("default template", () => {
  it("lists a typical product once category, freight and service templates are set", () => {
    const result = mapProduct(product(), context())
    expect(result.problems).toEqual([])
    expect(result.payload).not.toBeNull()
  })

  it("out of the box, names the entries the merchant must set", () => {
    const ctx = context({ lookupLists: [] })
    ctx.template = defaultTemplate()
    const { problems } = buildPayload(product(), ctx)
    expect(problems).toEqual([
      {
        field: "category_id",
        message: 'Lookup list "categories" does not exist',
        hint: 'Create the lookup list "categories" or pick an existing one in the mapping template',
        origin: "validation",
      },
      {
        field: "freight_template_id",
        message: "Freight Template is not mapped",
        hint: 'Map "Freight Template" in the mapping template',
        origin: "validation",
      },
      {
        field: "service_template_id",
        message: "Service Template is not mapped",
        hint: 'Map "Service Template" in the mapping template',
        origin: "validation",
      },
    ])
  })

  it("passes its own schema", () => {
    expect(mappingTemplateSchema.parse(defaultTemplate())).toEqual(defaultTemplate())
  })
})

describe("field definitions", () => {
  it("describe every field key once, with the seed-guide labels", () => {
    expect(FIELD_DEFINITIONS.map((d) => d.key).sort()).toEqual([...FIELD_KEYS].sort())
    const byKey = Object.fromEntries(FIELD_DEFINITIONS.map((d) => [d.key, d]))
    expect(byKey.category_id).toMatchObject({ label: "Category ID", required: true, kind: "id" })
    expect(byKey.subject).toMatchObject({ label: "Product Name", kind: "text" })
    expect(byKey.keywords.label).toBe("Keyword")
    expect(byKey.photo_1).toMatchObject({ label: "Photo 1", required: true, kind: "image" })
    expect(byKey.retail_price).toMatchObject({ label: "Retail Price (USD)", kind: "price", per_variant: true })
    expect(byKey.lot_size.label).toBe("Sold in Lots")
    expect(byKey.package_length.label).toBe("Package Length (cm)")
  })
})

describe("payload", () => {
  it("has exactly the post_product_request shape", () => {
    const p = product({
      description: '<p onclick="x()">A <b>classic</b> shirt.</p><script>x()</script>',
      options: [
        { title: "Size", values: [{ value: "S" }, { value: "M" }] },
        { title: "Colour", values: [{ value: "Red" }] },
      ],
      variants: [variant({ size: "S" }), variant({ size: "M" })].map((v) => ({
        ...v,
        options: [...v.options, { value: "Red", option: { title: "Colour" } }],
      })),
      images: [
        { url: "https://cdn.example.com/1.jpg" },
        { url: "https://cdn.example.com/2.png" },
        { url: "https://cdn.example.com/1.jpg" },
      ],
      weight: 350.2,
      length: 29.1,
    })
    const ctx = context({
      imageUrlMap: { "https://cdn.example.com/1.jpg": "https://ae01.alicdn.com/kf/1.jpg" },
      stock: { variant_S: 4, variant_M: 9 },
    })
    ctx.template.fields.lot_size = { source: "constant", value: 5 }
    ctx.template.fields.unit_type = { source: "constant", value: "pack" }
    const result = mapProduct(p, ctx)
    const expected: PostProductRequest = {
      aliexpress_category_id: Number(CATEGORY_ID),
      language: "en",
      multi_language_subject_list: [{ language: "en", subject: "Classic Cotton Shirt" }],
      multi_language_description_list: [
        {
          language: "en",
          web_detail: "<p>A <b>classic</b> shirt.</p>",
          mobile_detail: "<p>A <b>classic</b> shirt.</p>",
        },
      ],
      main_image_urls_list: ["https://ae01.alicdn.com/kf/1.jpg", "https://cdn.example.com/2.png"],
      sku_info_list: [
        {
          sku_code: "SHIRT-S",
          price: "19.50",
          inventory: 4,
          sku_attributes_list: [
            { sku_attribute_name: "Size", sku_attribute_value: "S" },
            { sku_attribute_name: "Color", sku_attribute_value: "Red" },
          ],
        },
        {
          sku_code: "SHIRT-M",
          price: "19.50",
          inventory: 9,
          sku_attributes_list: [
            { sku_attribute_name: "Size", sku_attribute_value: "M" },
            { sku_attribute_name: "Color", sku_attribute_value: "Red" },
          ],
        },
      ],
      attribute_list: [{ attribute_name: "Brand Name", attribute_value: "Acme" }],
      package_length: 30,
      package_width: 20,
      package_height: 5,
      weight: "0.351",
      shipping_lead_time: 3,
      freight_template_id: 1000,
      service_policy_id: 0,
      product_unit: 100000014,
      lot_num: 5,
      package_type: true,
      keywords: "shirt, cotton",
    }
    expect(result.problems).toEqual([])
    expect(result.payload).toEqual(expected)
    expect(Object.keys(result.payload!)).toEqual(Object.keys(expected))
    expect(result.sourceImages).toEqual(["https://cdn.example.com/1.jpg", "https://cdn.example.com/2.png"])
    expect(result.variantSkus).toEqual([
      { variantId: "variant_S", skuCode: "SHIRT-S" },
      { variantId: "variant_M", skuCode: "SHIRT-M" },
    ])
  })

  it("keeps a best-effort payload next to the problems for the preview", () => {
    const result = buildPayload(product({ title: "" }), context())
    expect(result.problems).toHaveLength(1)
    expect(result.payload.sku_info_list).toHaveLength(3)
    expect(mapProduct(product({ title: "" }), context()).payload).toBeNull()
  })

  it("takes only the first 6 photos into the payload", () => {
    const ctx = context()
    ctx.template.fields.photo_1 = { source: "attribute", path: "images" }
    const p = product({ images: [1, 2, 3, 4, 5, 6, 7].map((n) => ({ url: `https://c/${n}.jpg` })) })
    const result = buildPayload(p, ctx)
    expect(result.payload.main_image_urls_list).toHaveLength(6)
    expect(result.problems.map((x) => x.field)).toEqual(["images"])
  })

  it.each<[string | number, number | undefined]>([
    ["piece", 100000015],
    ["Pieces", 100000015],
    ["pcs", 100000015],
    ["set", 100000017],
    ["pair", 100000013],
    ["pack", 100000014],
    ["box", 100078580],
    [100000015, 100000015],
    ["100000017", 100000017],
    ["thing", undefined],
    [42, undefined],
  ])("unit type %s -> %s", (input, id) => {
    expect(unitTypeId(input)).toBe(id)
  })
})

describe("hashes", () => {
  const base = () => buildPayload(product(), context()).payload
  const change = (fn: (p: PostProductRequest) => void) => {
    const p = structuredClone(base())
    fn(p)
    return p
  }

  it("are stable sha256 hex, independent of key order", () => {
    const a = base()
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as PostProductRequest
    expect(hashListing(a)).toEqual(hashListing(base()))
    expect(hashListing(reordered)).toEqual(hashListing(a))
    expect(contentHash(a)).toMatch(/^[0-9a-f]{64}$/)
  })

  it.each<[string, (p: PostProductRequest) => void, [boolean, boolean, boolean]]>([
    ["price", (p) => void (p.sku_info_list[0].price = "99.00"), [false, true, false]],
    ["inventory", (p) => void (p.sku_info_list[0].inventory = 99), [false, false, true]],
    ["subject", (p) => void (p.multi_language_subject_list[0].subject = "New"), [true, false, false]],
    ["image", (p) => void p.main_image_urls_list.push("https://c/x.jpg"), [true, false, false]],
    ["sku attribute", (p) => void (p.sku_info_list[0].sku_attributes_list[0].sku_attribute_value = "XS"), [true, false, false]],
    ["sku code", (p) => void (p.sku_info_list[0].sku_code = "OTHER"), [true, true, true]],
    ["sku order", (p) => void p.sku_info_list.reverse(), [true, false, false]],
  ])("a %s change moves only its hashes", (_, fn, [content, price, stock]) => {
    const a = base()
    const b = change(fn)
    expect(contentHash(a) !== contentHash(b)).toBe(content)
    expect(priceHash(a) !== priceHash(b)).toBe(price)
    expect(stockHash(a) !== stockHash(b)).toBe(stock)
  })
})

describe("description sanitising", () => {
  it.each([
    ['<p onclick="x()" style="color:red">Hi <a href="javascript:alert(1)">there</a></p>', "<p>Hi there</p>"],
    ['<img src="javascript:alert(1)"><img src="https://c/a.png" onerror="x" alt="a">', '<img src="https://c/a.png" alt="a" />'],
    ['<img src="data:image/png;base64,AAAA">x', "x"],
    ["<iframe src=\"https://x\">frame</iframe><object>o</object><embed src=\"x\"><p>ok</p>", "<p>ok</p>"],
    ["<form><input value=\"x\"><button>Go</button></form><p>ok</p>", "<p>ok</p>"],
    ["<link rel=\"stylesheet\" href=\"x\"><meta charset=\"x\"><style>p{}</style><p>ok</p>", "<p>ok</p>"],
    ['<table><tr><td colspan="2" rowspan="1" class="x">a</td></tr></table>', '<table><tr><td colspan="2" rowspan="1">a</td></tr></table>'],
    ["<H1>Big</H1><font>kept text</font>", "<h1>Big</h1>kept text"],
    ["Line 1\nLine 2\n\nPara <2>", "<p>Line 1<br />Line 2</p><p>Para &lt;2&gt;</p>"],
  ])("%s", (input, html) => {
    expect(sanitizeDescription(input).html).toBe(html)
  })

  it.each([
    "<h2>Title</h2><p>Hello <b>world</b> &amp; more</p><ul><li>a</li><li>b</li></ul>",
    "<p>line<br>two<br/>three<br />four</p><hr><hr/>",
    '<img src="https://a.com/x.jpg" alt="pic"><img alt="" src="http://b/y.png"/>',
    '<table><thead><tr><th colspan="2">h</th></tr></thead><tbody><tr><td rowspan="1">x</td></tr></tbody></table>',
    "  <div><span>é ü 中</span></div>  ",
    "<p>a</p>\n<p >b</p >",
  ])("the parser-free path gives sanitize-html's result for %s", (input) => {
    const fast = fastSanitize(input)
    expect(fast).toBeDefined()
    const slow = sanitizeWithParser(input)
    expect(fast!.html).toBe(slow.html)
    expect(fast!.empty).toBe(slow.empty)
    expect(Boolean(fast!.foreign)).toBe(Boolean(slow.foreign))
  })

  it.each([
    "<p>a<div>b</div></p>",
    "<p>unclosed",
    "<p>a &eacute; b</p>",
    "<P>upper</P>",
    "<p>a > b</p>",
    '<img src="javascript:x">',
    '<p class="x">a</p>',
    "<!-- c --><p>a</p>",
    "<li>a<li>b</li></li>",
  ])("anything unusual goes through sanitize-html: %s", (input) => {
    expect(fastSanitize(input)).toBeUndefined()
  })
})
