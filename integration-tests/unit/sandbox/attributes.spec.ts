import { SandboxHandle } from "../../../src/sandbox"
import { POST, TEE_ATTRIBUTES, TestApi, errorOf, listProduct, payload, productDto, startTestSandbox, uploadPng } from "./helpers"

const EDIT = "aliexpress.solution.product.edit"
const SCHEMA = "F00-00-10020-002"
const BRAND = 2
const ORIGIN = 219
const MATERIAL = 10
const GENDER = 284
const MODEL_NUMBER = 3
const OTHER = 4

type Attr = Record<string, unknown>

describe("sandbox category attributes", () => {
  let sandbox: SandboxHandle
  let api: TestApi
  let image: string

  beforeAll(async () => {
    ;({ sandbox, api } = await startTestSandbox())
    image = await uploadPng(api)
  })

  afterAll(async () => {
    await sandbox.stop()
  })

  const without = (nameId: number) => TEE_ATTRIBUTES.filter((a) => a.aliexpress_attribute_name_id !== nameId)

  const refusals: Array<[string, Attr[], string[]]> = [
    ["a missing required attribute", without(MATERIAL), ['"Material"', "name id 10", "is missing", "Cotton"]],
    ["a missing Brand Name", without(BRAND), ['"Brand Name"', "is missing"]],
    ["a Brand Name given only as a custom name", [...without(BRAND), { attribute_name: "Brand Name", attribute_value: "NoBrand" }], ['"Brand Name"', "is missing"]],
    [
      "a value id not in the attribute's list",
      [...without(ORIGIN), { aliexpress_attribute_name_id: ORIGIN, aliexpress_attribute_value_id: 123 }],
      ["123 is not a value of", '"Origin"', "Mainland China"],
    ],
    [
      "free text on a closed list without Other",
      [...without(ORIGIN), { aliexpress_attribute_name_id: ORIGIN, attribute_value: "Atlantis" }],
      ['"Origin"', "no \"Other\"", "Atlantis"],
    ],
    [
      "two values on a single-select attribute",
      [...TEE_ATTRIBUTES, { aliexpress_attribute_name_id: GENDER, aliexpress_attribute_value_id: 100006040 }, { aliexpress_attribute_name_id: GENDER, aliexpress_attribute_value_id: 100006041 }],
      ['"Gender"', "takes one value"],
    ],
    [
      "an attribute the category does not have",
      [...TEE_ATTRIBUTES, { aliexpress_attribute_name_id: 200000148, aliexpress_attribute_value_id: 200004001 }],
      ["200000148 is not an attribute of category T-Shirts"],
    ],
    [
      "the Other value without text",
      [...without(BRAND), { aliexpress_attribute_name_id: BRAND, aliexpress_attribute_value_id: OTHER }],
      ['"Brand Name"', '"Other" value needs attribute_value'],
    ],
    [
      "a free-text attribute without text",
      [...TEE_ATTRIBUTES, { aliexpress_attribute_name_id: MODEL_NUMBER, aliexpress_attribute_value_id: 1 }],
      ['"Model Number"', "free-text"],
    ],
  ]

  it.each(refusals)("refuses %s with a sub_msg naming the attribute", async (_name, attributes, words) => {
    const error = errorOf(await api.call(POST, { post_product_request: productDto(image, { attribute_list: attributes }) }))
    expect(error).toMatchObject({ code: 15, sub_code: SCHEMA })
    for (const word of words) expect(error.sub_msg).toContain(word)
  })

  it("refuses the same attribute problems on product.edit", async () => {
    const { productId } = await listProduct(api, image)
    const error = errorOf(await api.call(EDIT, { edit_product_request: { product_id: productId, attribute_list: without(ORIGIN) } }))
    expect(error.sub_code).toBe(SCHEMA)
    expect(error.sub_msg).toContain('"Origin"')
    const ok = await api.call(EDIT, {
      edit_product_request: { product_id: productId, attribute_list: [...without(ORIGIN), { aliexpress_attribute_name_id: ORIGIN, aliexpress_attribute_value_id: 9441741846 }] },
    })
    expect(payload(ok, EDIT).result.success).toBe(true)
    const state = (await api.control("GET", "/state")).body
    const product = state.products.find((p: any) => p.product_id === productId)
    expect(product.attributes).toContainEqual({ name_id: ORIGIN, value_id: 9441741846, name: "Origin", value: "Vietnam" })
  })

  it("takes every fill type and shows the attributes as sent in the state", async () => {
    const attributes = [
      { aliexpress_attribute_name_id: BRAND, aliexpress_attribute_value_id: OTHER, attribute_value: "Fjordwear" },
      { aliexpress_attribute_name_id: ORIGIN, aliexpress_attribute_value_id: 9441741845 },
      { aliexpress_attribute_name_id: MATERIAL, aliexpress_attribute_value_id: 47 },
      { aliexpress_attribute_name_id: MATERIAL, aliexpress_attribute_value_id: 48 },
      { aliexpress_attribute_name_id: MODEL_NUMBER, attribute_value: "FW-100" },
      { attribute_name: "Season", attribute_value: "Summer" },
    ]
    const { productId } = await listProduct(api, image, { attribute_list: attributes })
    const state = (await api.control("GET", "/state")).body
    const product = state.products.find((p: any) => p.product_id === productId)
    expect(product.category_id).toBe(200000346)
    expect(product.attributes).toEqual([
      { name_id: BRAND, value_id: OTHER, name: "Brand Name", value: "Fjordwear" },
      { name_id: ORIGIN, value_id: 9441741845, name: "Origin", value: "United States" },
      { name_id: MATERIAL, value_id: 47, name: "Material", value: "Cotton" },
      { name_id: MATERIAL, value_id: 48, name: "Material", value: "Polyester" },
      { name_id: MODEL_NUMBER, name: "Model Number", value: "FW-100" },
      { name: "Season", value: "Summer" },
    ])
  })

  it("takes free text on a closed list with Other as that Other value", async () => {
    const attributes = [...without(BRAND), { aliexpress_attribute_name_id: BRAND, attribute_value: "Fjordwear" }]
    const { productId } = await listProduct(api, image, { attribute_list: attributes })
    const product = (await api.control("GET", "/state")).body.products.find((p: any) => p.product_id === productId)
    expect(product.attributes).toContainEqual({ name_id: BRAND, value_id: OTHER, name: "Brand Name", value: "Fjordwear" })
  })

  it("checks SKU attributes against the category: custom Color names where allowed, shoe sizes from the list", async () => {
    const sneaker = (size: string, color = "Midnight Teal") =>
      productDto(image, {
        aliexpress_category_id: 200000601,
        attribute_list: [
          { aliexpress_attribute_name_id: BRAND, aliexpress_attribute_value_id: 201512802 },
          { aliexpress_attribute_name_id: ORIGIN, aliexpress_attribute_value_id: 9441741844 },
          { aliexpress_attribute_name_id: 200000148, aliexpress_attribute_value_id: 200004001 },
          { aliexpress_attribute_name_id: GENDER, aliexpress_attribute_value_id: 100006042 },
        ],
        sku_info_list: [
          { sku_code: `SN-${size}-${Date.now()}`, price: "50.00", inventory: 3, sku_attributes_list: [
            { sku_attribute_name: "Color", sku_attribute_value: color },
            { sku_attribute_name: "Size", sku_attribute_value: size },
          ] },
        ],
      })
    const refused = errorOf(await api.call(POST, { post_product_request: sneaker("XL") }))
    expect(refused.sub_msg).toContain('Size "XL" is not one of the category\'s values')
    expect(refused.sub_msg).toContain("custom names are not allowed")
    const ok = payload(await api.call(POST, { post_product_request: sneaker("42") }), POST)
    const state = (await api.control("GET", "/state")).body
    const product = state.products.find((p: any) => String(p.product_id) === String(ok.result.product_id))
    expect(product.skus[0].attributes).toEqual([
      { name: "Color", value: "Midnight Teal" },
      { name: "Size", value: "42" },
    ])

    const mug = productDto(image, {
      aliexpress_category_id: 200000534,
      attribute_list: [
        { aliexpress_attribute_name_id: BRAND, aliexpress_attribute_value_id: 201512802 },
        { aliexpress_attribute_name_id: ORIGIN, aliexpress_attribute_value_id: 9441741844 },
        { aliexpress_attribute_name_id: MATERIAL, aliexpress_attribute_value_id: 200003001 },
      ],
    })
    const noSize = errorOf(await api.call(POST, { post_product_request: mug }))
    expect(noSize.sub_msg).toContain('"Size" is not a SKU attribute of this category (use Color)')
  })
})
