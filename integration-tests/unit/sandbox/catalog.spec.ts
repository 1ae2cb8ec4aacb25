import { SandboxHandle } from "../../../src/sandbox"
import { TestApi, errorOf, payload, png, startTestSandbox } from "./helpers"

const UPLOAD = "aliexpress.photobank.redefining.uploadimageforsdk"

describe("sandbox catalogue reference data", () => {
  let sandbox: SandboxHandle
  let api: TestApi

  beforeAll(async () => {
    ;({ sandbox, api } = await startTestSandbox())
  })

  afterAll(async () => {
    await sandbox.stop()
  })

  it("walks the category tree down to leaves with language names", async () => {
    const method = "aliexpress.solution.seller.category.tree.query"
    const root = payload(await api.call(method, { category_id: "0" }), method)
    const apparel = root.children_category_list.category_info.find(
      (c: any) => JSON.parse(c.multi_language_names).en === "Apparel & Accessories"
    )
    expect(apparel).toMatchObject({ is_leaf_category: false, level: 1 })
    const level2 = payload(await api.call(method, { category_id: String(apparel.children_category_id) }), method)
    const men = level2.children_category_list.category_info.find((c: any) => JSON.parse(c.multi_language_names).en === "Men's Clothing")
    const leaves = payload(await api.call(method, { category_id: String(men.children_category_id) }), method)
    const tshirts = leaves.children_category_list.category_info.find((c: any) => JSON.parse(c.multi_language_names).en === "T-Shirts")
    expect(tshirts).toMatchObject({ is_leaf_category: true, level: 3 })
    const leaf = payload(await api.call(method, { category_id: String(tshirts.children_category_id) }), method)
    expect(leaf.children_category_list).toBeUndefined()
    expect(errorOf(await api.call(method, { category_id: "42" })).sub_code).toBe("isv.invalid-parameter")
  })

  it("answers sku.attribute.query with the real field names for SKU and item attributes", async () => {
    const method = "aliexpress.solution.sku.attribute.query"
    const answer = await api.call(method, { query_sku_attribute_info_request: { aliexpress_category_id: 200000346 } })
    const result = payload(answer, method).result
    expect(result.supporting_sku_attribute_list.sku_attribute_info_dto).toBeUndefined()
    const sku = result.supporting_sku_attribute_list.supported_sku_attribute_dto
    expect(sku.map((a: any) => a.aliexpress_sku_name)).toEqual(["Color", "Size"])
    expect(sku[0]).toMatchObject({ required: false, support_customized_name: true, support_customized_picture: true })
    expect(sku[0].aliexpress_sku_value_list.sku_value_simplified_info_dto).toContainEqual(
      expect.objectContaining({ aliexpress_sku_value_name: "Black" })
    )
    const common = result.supporting_common_attribute_list.supported_common_attribute_dto
    const brand = common.find((a: any) => a.aliexpress_common_attribute_name === "Brand Name")
    expect(brand).toMatchObject({ aliexpress_common_attribute_name_id: 2, required: true })
    const brandValues = brand.aliexpress_common_attribute_value_list.common_attribute_value_info_dto
    expect(brandValues).toContainEqual({ aliexpress_common_attribute_value: "Other", aliexpress_common_attribute_value_id: 4 })
    const origin = common.find((a: any) => a.aliexpress_common_attribute_name_id === 219)
    expect(origin).toMatchObject({ aliexpress_common_attribute_name: "Origin", required: true })
    expect(origin.aliexpress_common_attribute_value_list.common_attribute_value_info_dto.length).toBeGreaterThan(5)
    const names = common.map((a: any) => a.aliexpress_common_attribute_name)
    expect(names).toEqual(expect.arrayContaining(["Material", "Gender", "Sleeve Length", "Model Number"]))
    expect(common.find((a: any) => a.aliexpress_common_attribute_name === "Material")).toMatchObject({ required: true })

    const mugs = payload(await api.call(method, { query_sku_attribute_info_request: { aliexpress_category_id: 200000534 } }), method)
    const mugNames = mugs.result.supporting_common_attribute_list.supported_common_attribute_dto.map((a: any) => a.aliexpress_common_attribute_name)
    expect(mugNames).toEqual(expect.arrayContaining(["Brand Name", "Origin", "Material", "Capacity"]))
    expect(mugNames).not.toContain("Sleeve Length")

    const parent = await api.call(method, { query_sku_attribute_info_request: { aliexpress_category_id: 200000343 } })
    expect(errorOf(parent).sub_code).toBe("isv.invalid-parameter")
  })

  it("lists freight and service templates", async () => {
    const freight = payload(await api.call("aliexpress.freight.redefining.listfreighttemplate"), "aliexpress.freight.redefining.listfreighttemplate")
    const templates = freight.aeop_freight_template_d_t_o_list.aeopfreighttemplatedtolist
    expect(templates).toHaveLength(2)
    expect(templates.filter((t: any) => t.is_default)).toHaveLength(1)
    const method = "aliexpress.postproduct.redefining.querypromisetemplatebyid"
    const all = payload(await api.call(method, { template_id: "-1" }), method)
    expect(all.result.template_list.templatelist).toHaveLength(2)
  })

  it("lists logistics services with tracking patterns", async () => {
    const method = "aliexpress.logistics.redefining.listlogisticsservice"
    const list = payload(await api.call(method), method).result_list.aeop_logistics_service_result
    const byName = Object.fromEntries(list.map((s: any) => [s.service_name, s]))
    expect(byName.CAINIAO_STANDARD.tracking_no_regex).toBe("^[A-Z]{2}[0-9]{9}[A-Z]{2}$")
    expect(byName.UPS.tracking_no_regex).toBe("^1Z[0-9A-Z]{16}$")
    expect(Object.keys(byName)).toEqual(expect.arrayContaining(["USPS", "DHL", "OTHER_US_OVERSEAS"]))
  })

  it("answers the merchant profile", async () => {
    const method = "aliexpress.solution.merchant.profile.get"
    expect(payload(await api.call(method), method)).toMatchObject({ merchant_login_id: "demo-seller", product_posting_forbidden: false })
  })

  it("uploads images into the image bank and serves them", async () => {
    const image = png(640, 480)
    const result = payload(await api.upload(image), UPLOAD).result
    expect(result.is_success).toBe(true)
    expect(result.photobank_url).toMatch(new RegExp(`^${sandbox.url}/kf/S[0-9a-f]{32}\\.png$`))
    const served = await api.http.get(new URL(result.photobank_url).pathname, { responseType: "arraybuffer" })
    expect(served.status).toBe(200)
    expect(served.headers["content-type"]).toBe("image/png")
    expect(Buffer.from(served.data).equals(image)).toBe(true)

    const gif = Buffer.concat([Buffer.from("GIF89a"), Buffer.from([10, 0, 10, 0]), Buffer.alloc(20)])
    expect(payload(await api.upload(gif, "a.gif"), UPLOAD).result.photobank_url).toMatch(/\.gif$/)
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0x00, 0x02, 0x00, 0x03, 0, 0, 0, 0, 0, 0, 0, 0])
    expect(payload(await api.upload(jpeg, "a.jpg"), UPLOAD).result).toMatchObject({ width: 512, height: 256 })
  })

  it("refuses other formats, files over 3 MB and images over 5000 px", async () => {
    const bmp = await api.upload(Buffer.from("BM this is not an accepted image"), "a.bmp")
    expect(errorOf(bmp)).toMatchObject({ code: 15, sub_code: "isv.image-format-not-supported" })
    const big = await api.upload(Buffer.concat([png(), Buffer.alloc(3 * 1024 * 1024)]))
    expect(errorOf(big).sub_code).toBe("isv.image-size-exceeded")
    const wide = await api.upload(png(6000, 100))
    expect(errorOf(wide).sub_code).toBe("isv.image-size-exceeded")
  })
})
