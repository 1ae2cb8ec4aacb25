import { SandboxHandle } from "../../../src/sandbox"
import { POST, TEE_ATTRIBUTES, TestApi, errorOf, listProduct, payload, productDto, startTestSandbox, uniqueSku, uploadPng } from "./helpers"

const EDIT = "aliexpress.solution.product.edit"
const INFO = "aliexpress.solution.product.info.get"
const LIST = "aliexpress.solution.product.list.get"
const PRICE = "aliexpress.solution.batch.product.price.update"
const STOCK = "aliexpress.solution.batch.product.inventory.update"
const SCHEMA = "F00-00-10020-002"

type Dto = Record<string, any>

describe("sandbox products", () => {
  let sandbox: SandboxHandle
  let api: TestApi
  let image: string

  beforeAll(async () => {
    ;({ sandbox, api } = await startTestSandbox({ rejectWords: ["replica"], titleMaxLength: 128 }))
    image = await uploadPng(api)
  })

  afterAll(async () => {
    await sandbox.stop()
  })

  const info = async (productId: string) => payload(await api.call(INFO, { product_id: productId }), INFO).result

  const rules: Array<[string, (dto: Dto) => void, string]> = [
    ["a non-leaf category", (d) => (d.aliexpress_category_id = 200000343), "aliexpress_category_id"],
    ["an unknown category", (d) => (d.aliexpress_category_id = 1), "aliexpress_category_id"],
    ["a subject over titleMaxLength", (d) => (d.multi_language_subject_list[0].subject = "x".repeat(129)), "multi_language_subject_list[0].subject"],
    ["an empty subject", (d) => (d.multi_language_subject_list[0].subject = ""), "multi_language_subject_list[0].subject"],
    ["a <script> in the description", (d) => (d.multi_language_description_list[0].web_detail = "<p>x</p><script>alert(1)</script>"), "web_detail"],
    ["an <iframe> in the description", (d) => (d.multi_language_description_list[0].web_detail = '<iframe src="https://x.example"></iframe>'), "web_detail"],
    ["a <form> in the description", (d) => (d.multi_language_description_list[0].mobile_detail = "<form><input></form>"), "mobile_detail"],
    ["a <style> in the description", (d) => (d.multi_language_description_list[0].web_detail = "<style>p{}</style>"), "web_detail"],
    ["a <link> in the description", (d) => (d.multi_language_description_list[0].web_detail = '<link rel="x" href="y">'), "web_detail"],
    ["an on* attribute", (d) => (d.multi_language_description_list[0].web_detail = '<p onclick="x()">x</p>'), "web_detail"],
    ["a javascript: URL", (d) => (d.multi_language_description_list[0].web_detail = '<span style="x" title="javascript:alert(1)">x</span>'), "web_detail"],
    ["an external <img> in the description", (d) => (d.multi_language_description_list[0].web_detail = '<img src="https://cdn.example.com/a.jpg">'), "web_detail"],
    ["no main image", (d) => (d.main_image_urls_list = []), "main_image_urls_list"],
    ["seven main images", (d) => (d.main_image_urls_list = Array(7).fill(d.main_image_urls_list[0])), "main_image_urls_list"],
    ["an image outside the image bank", (d) => (d.main_image_urls_list = ["https://cdn.example.com/a.jpg"]), "main_image_urls_list[0]"],
    ["a webp image", (d) => (d.main_image_urls_list = [d.main_image_urls_list[0].replace(".png", ".webp")]), "main_image_urls_list[0]"],
    ["a SKU attribute other than Color/Size", (d) => (d.sku_info_list[0].sku_attributes_list[0].sku_attribute_name = "Material"), "sku_attribute_name"],
    ["a custom value over 70 chars", (d) => (d.sku_info_list[0].sku_attributes_list[0].sku_attribute_value = "x".repeat(71)), "sku_attribute_value"],
    ["a custom value with a forbidden character", (d) => (d.sku_info_list[0].sku_attributes_list[0].sku_attribute_value = "Black, matte"), "sku_attribute_value"],
    ["an unattributed SKU among several", (d) => (d.sku_info_list[1].sku_attributes_list = []), "sku_info_list[1].sku_attributes_list"],
    ["a repeated attribute combination", (d) => (d.sku_info_list[1].sku_attributes_list[1].sku_attribute_value = "M"), "sku_info_list[1].sku_attributes_list"],
    ["a missing sku_code", (d) => delete d.sku_info_list[0].sku_code, "sku_info_list[0].sku_code"],
    ["a price below 0.01", (d) => (d.sku_info_list[0].price = "0.00"), "sku_info_list[0].price"],
    ["a price over 999999", (d) => (d.sku_info_list[0].price = "1000000"), "sku_info_list[0].price"],
    ["a non-numeric price", (d) => (d.sku_info_list[0].price = "ten"), "sku_info_list[0].price"],
    ["a discount not below the price", (d) => (d.sku_info_list[0].discount_price = "19.90"), "sku_info_list[0].discount_price"],
    ["a negative inventory", (d) => (d.sku_info_list[0].inventory = -1), "sku_info_list[0].inventory"],
    ["a fractional inventory", (d) => (d.sku_info_list[0].inventory = 1.5), "sku_info_list[0].inventory"],
    ["an inventory over 999999", (d) => (d.sku_info_list[0].inventory = 1000000), "sku_info_list[0].inventory"],
    ["a package length of 0", (d) => (d.package_length = 0), "package_length"],
    ["a package width over 700", (d) => (d.package_width = 701), "package_width"],
    ["a fractional package height", (d) => (d.package_height = 2.5), "package_height"],
    ["a weight below 0.001", (d) => (d.weight = "0.0001"), "weight"],
    ["a weight over 500", (d) => (d.weight = "500.5"), "weight"],
    ["a shipping lead time of 0", (d) => (d.shipping_lead_time = 0), "shipping_lead_time"],
    ["a shipping lead time over 60", (d) => (d.shipping_lead_time = 61), "shipping_lead_time"],
    ["an unknown freight template", (d) => (d.freight_template_id = 999), "freight_template_id"],
    ["an unknown service template", (d) => (d.service_policy_id = 5), "service_policy_id"],
    ["an unknown product unit", (d) => (d.product_unit = 12), "product_unit"],
    ["a lot_num of 0", (d) => (d.lot_num = 0), "lot_num"],
    ["a lot_num over 100000", (d) => (d.lot_num = 100001), "lot_num"],
    ["a bulk discount without a bulk order", (d) => (d.bulk_discount = 10), "bulk_order"],
    ["a bulk discount of 100%", (d) => Object.assign(d, { bulk_order: 5, bulk_discount: 100 }), "bulk_discount"],
    ["a group id that is not an id", (d) => (d.group_id = "shirts"), "group_id"],
    [
      "a per-country price for a SKU the product lacks",
      (d) => (d.multi_country_price_configuration = { price_type: "absolute", country_price_list: [{ ship_to_country: "ES", sku_price_by_country_list: [{ sku_code: "nope", price: "9.00" }] }] }),
      "sku_price_by_country_list[0].sku_code",
    ],
    ["no Brand attribute", (d) => (d.attribute_list = [{ attribute_name: "Material", attribute_value: "Cotton" }]), "attribute_list"],
  ]

  it.each(rules)("refuses %s with F00-00-10020-002 naming the field", async (_name, mutate, field) => {
    const dto = productDto(image)
    mutate(dto)
    const error = errorOf(await api.call(POST, { post_product_request: dto }))
    expect(error).toMatchObject({ code: 15, msg: "Remote service error", sub_code: SCHEMA })
    expect(error.sub_msg).toContain(field)
  })

  it("accepts a brand outside the list as Other with its name, and a single unattributed SKU", async () => {
    const dto = productDto(image, {
      attribute_list: [
        { aliexpress_attribute_name_id: 2, aliexpress_attribute_value_id: 4, attribute_value: "Fjordwear" },
        ...TEE_ATTRIBUTES.slice(1),
      ],
      sku_info_list: [{ sku_code: uniqueSku(), price: "5.00", inventory: 1 }],
    })
    expect(payload(await api.call(POST, { post_product_request: dto }), POST).result.success).toBe(true)
  })

  it("refuses a sku_code used twice in a request or by another product with F00-00-10007-007", async () => {
    const dto = productDto(image)
    dto.sku_info_list[1].sku_code = dto.sku_info_list[0].sku_code
    const twice = errorOf(await api.call(POST, { post_product_request: dto }))
    expect(twice.sub_code).toBe("F00-00-10007-007")
    expect(twice.sub_msg).toContain("sku_code")

    const { skus } = await listProduct(api, image)
    const other = productDto(image)
    other.sku_info_list[0].sku_code = skus[0]
    const taken = errorOf(await api.call(POST, { post_product_request: other }))
    expect(taken.sub_code).toBe("F00-00-10007-007")
    expect(taken.sub_msg).toContain(skus[0])
  })

  it("refuses a non-JSON request with isv.invalid-parameter", async () => {
    const error = errorOf(await api.call(POST, { post_product_request: "{not json" }))
    expect(error.sub_code).toBe("isv.invalid-parameter")
    expect(error.sub_msg).toContain("post_product_request")
  })

  it("audits new products, then sells them; edits are refused during audit", async () => {
    const dto = productDto(image)
    const productId = String(payload(await api.call(POST, { post_product_request: dto }), POST).result.product_id)
    expect((await info(productId)).product_status_type).toBe("auditing")
    const edit = errorOf(await api.call(EDIT, { edit_product_request: { product_id: productId, shipping_lead_time: 5 } }))
    expect(edit.sub_code).toBe("isv.product-in-audit")
    await api.control("POST", "/clock", { advance_ms: 1000 })
    const result = await info(productId)
    expect(result.product_status_type).toBe("onSelling")
    expect(result.subject).toBe("Organic cotton crew neck T-shirt")
    expect(result.aeop_ae_product_s_k_us.global_aeop_ae_product_sku).toHaveLength(2)
    expect(result.aeop_ae_product_s_k_us.global_aeop_ae_product_sku[0]).toMatchObject({
      sku_code: dto.sku_info_list[0].sku_code,
      sku_price: "19.90",
      sku_discount_price: "15.00",
      ipm_sku_stock: 10,
    })
    expect(result.multi_language_subject_list.global_subject[0]).toMatchObject({ locale: "en_US" })
  })

  it("rejects products whose subject contains a reject word with a reason", async () => {
    const dto = productDto(image)
    dto.multi_language_subject_list[0].subject = "Replica designer shirt"
    const productId = String(payload(await api.call(POST, { post_product_request: dto }), POST).result.product_id)
    await api.control("POST", "/clock", { advance_ms: 1000 })
    const result = await info(productId)
    expect(result.product_status_type).toBe("editingRequired")
    expect(result.audit_failure_reason).toContain("replica")
    const fixed = await api.call(EDIT, {
      edit_product_request: { product_id: productId, multi_language_subject_list: [{ language: "en", subject: "Designer shirt" }] },
    })
    expect(payload(fixed, EDIT).result.success).toBe(true)
    await api.control("POST", "/clock", { advance_ms: 1000 })
    expect((await info(productId)).product_status_type).toBe("onSelling")
  })

  it("replaces all SKUs on edit and frees the old sku codes", async () => {
    const { productId, skus } = await listProduct(api, image)
    const fresh = uniqueSku()
    const answer = await api.call(EDIT, {
      edit_product_request: { product_id: productId, sku_info_list: [{ sku_code: fresh, price: "9.99", inventory: 3 }] },
    })
    expect(payload(answer, EDIT).result.product_id.toString()).toBe(productId)
    await api.control("POST", "/clock", { advance_ms: 1000 })
    const result = await info(productId)
    expect(result.aeop_ae_product_s_k_us.global_aeop_ae_product_sku.map((s: any) => s.sku_code)).toEqual([fresh])
    const reuse = productDto(image)
    reuse.sku_info_list[0].sku_code = skus[0]
    expect(payload(await api.call(POST, { post_product_request: reuse }), POST).result.success).toBe(true)
    const unknown = errorOf(await api.call(EDIT, { edit_product_request: { product_id: "1005006999999999999" } }))
    expect(unknown.sub_code).toBe("isv.product-not-exist")
  })

  it("shows back group, size chart, bulk discount, country prices and video, keeps them on edit, quotes SKU ids", async () => {
    const dto = productDto(image, { group_id: 10023, size_chart_id: 123, bulk_order: 10, bulk_discount: 5 })
    dto.multi_country_price_configuration = {
      price_type: "absolute",
      country_price_list: [{ ship_to_country: "ES", sku_price_by_country_list: [{ sku_code: dto.sku_info_list[0].sku_code, price: "16.00" }] }],
    }
    dto.aeop_a_e_multimedia = { aeop_a_e_videos: [{ media_id: 12345678, poster_url: "https://ae01.alicdn.com/kf/p.jpg" }] }
    const productId = String(payload(await api.call(POST, { post_product_request: dto }), POST).result.product_id)
    await api.control("POST", "/clock", { advance_ms: 1000 })
    await api.call(EDIT, { edit_product_request: { product_id: productId, multi_language_subject_list: [{ language: "en", subject: "Renamed shirt" }] } })
    await api.control("POST", "/clock", { advance_ms: 1000 })
    const result = await info(productId)
    expect(result).toMatchObject({ subject: "Renamed shirt", group_id: 10023, group_ids: { number: [[10023]] }, sizechart_id: 123, bulk_order: 10, bulk_discount: 5 })
    const country = result.multi_country_price_configuration.country_price_list.single_country_price_dto[0]
    expect(country.sku_price_by_country_list.single_sku_price_by_country_dto[0]).toMatchObject({ price: "16.00" })
    expect(result.aeop_a_e_multimedia.aeop_a_e_videos.global_aeop_ae_video[0]).toMatchObject({ media_id: 12345678, media_status: "approved" })
    expect(result.aeop_ae_product_s_k_us.global_aeop_ae_product_sku[0].id).toBe('"14:193;5:361385"')
    expect(result.aeop_ae_product_propertys.global_aeop_ae_product_property[0]).toMatchObject({ attr_name: "Brand Name", attr_name_id: 2 })
  })

  it("lists products by status and sku_code, newest first, paged under 100", async () => {
    const first = await listProduct(api, image)
    const second = await listProduct(api, image)
    const query = (q: Record<string, unknown>) => api.call(LIST, { aeop_a_e_product_list_query: q })
    const page = payload(await query({ product_status_type: "onSelling", current_page: 1, page_size: 2 }), LIST).result
    expect(page.product_count).toBeGreaterThanOrEqual(2)
    const ids = page.aeop_a_e_product_display_d_t_o_list.item_display_dto.map((p: any) => String(p.product_id))
    expect(ids[0]).toBe(second.productId)
    expect(ids[1]).toBe(first.productId)
    const bySku = payload(await query({ product_status_type: "onSelling", sku_code: first.skus[1] }), LIST).result
    expect(bySku.aeop_a_e_product_display_d_t_o_list.item_display_dto.map((p: any) => String(p.product_id))).toEqual([first.productId])
    const wrongStatus = payload(await query({ product_status_type: "offline", sku_code: first.skus[1] }), LIST).result
    expect(wrongStatus.product_count).toBe(0)
    expect(errorOf(await query({ product_status_type: "onSelling", page_size: 100 })).sub_code).toBe("isv.invalid-parameter")
    expect(errorOf(await query({ page_size: 10 })).sub_msg).toContain("product_status_type")
  })

  it("updates prices and stock per product, reporting failures per product", async () => {
    const { productId, skus } = await listProduct(api, image)
    const price = await api.call(PRICE, {
      mutiple_product_update_list: [
        { product_id: productId, multiple_sku_update_list: [{ sku_code: skus[0], price: "25.00", discount_price: "20.00" }, { sku_code: skus[1], price: "26.00" }] },
        { product_id: "1005006999999999999", multiple_sku_update_list: [{ sku_code: "x", price: "1.00" }] },
      ],
    })
    const body = payload(price, PRICE)
    expect(body.update_success).toBe(true)
    expect(body.update_successful_list.synchronize_product_response_dto.map((p: any) => String(p.product_id))).toEqual([productId])
    expect(body.update_failed_list.synchronize_product_response_dto[0]).toMatchObject({ error_code: "isv.product-not-exist" })
    expect(price.text).toContain('"product_id":1005006999999999999')

    const stock = await api.call(STOCK, {
      mutiple_product_update_list: [{ product_id: productId, multiple_sku_update_list: [{ sku_code: skus[0], inventory: 42 }] }],
    })
    expect(payload(stock, STOCK).update_success).toBe(true)
    const skuList = (await info(productId)).aeop_ae_product_s_k_us.global_aeop_ae_product_sku
    expect(skuList[0]).toMatchObject({ sku_price: "25.00", sku_discount_price: "20.00", ipm_sku_stock: 42 })
    expect(skuList[1].sku_discount_price).toBeUndefined()

    const badSku = payload(
      await api.call(STOCK, { mutiple_product_update_list: [{ product_id: productId, multiple_sku_update_list: [{ sku_code: "nope", inventory: 1 }] }] }),
      STOCK
    )
    expect(badSku.update_failed_list.synchronize_product_response_dto[0].error_code).toBe("isv.sku-not-exist")
    const badPrice = payload(
      await api.call(PRICE, { mutiple_product_update_list: [{ product_id: productId, multiple_sku_update_list: [{ sku_code: skus[0], price: "5", discount_price: "6" }] }] }),
      PRICE
    )
    expect(badPrice.update_failed_list.synchronize_product_response_dto[0].error_code).toBe(SCHEMA)

    const tooMany = Array.from({ length: 21 }, () => ({ product_id: productId, multiple_sku_update_list: [{ sku_code: skus[0], inventory: 1 }] }))
    expect(errorOf(await api.call(STOCK, { mutiple_product_update_list: tooMany })).sub_code).toBe("isv.invalid-parameter")
    const tooManySkus = Array.from({ length: 201 }, () => ({ sku_code: skus[0], inventory: 1 }))
    const skuLimit = payload(await api.call(STOCK, { mutiple_product_update_list: [{ product_id: productId, multiple_sku_update_list: tooManySkus }] }), STOCK)
    expect(skuLimit.update_failed_list.synchronize_product_response_dto[0].error_message).toContain("200")
  })

  it("takes products offline, online and deletes them", async () => {
    const { productId, skus } = await listProduct(api, image)
    const off = "aliexpress.postproduct.redefining.offlineaeproduct"
    const on = "aliexpress.postproduct.redefining.onlineaeproduct"
    expect(payload(await api.call(off, { product_ids: productId }), off).result).toMatchObject({ success: true, modify_count: 1 })
    expect((await info(productId)).product_status_type).toBe("offline")
    const again = payload(await api.call(off, { product_ids: `${productId};1005006999999999999` }), off).result
    expect(again.modify_count).toBe(0)
    expect(again.error_details.error_detail.map((e: any) => e.error_code).sort()).toEqual(["isv.product-not-exist", "isv.product-status-not-allowed"])
    expect(payload(await api.call(on, { product_ids: productId }), on).result.modify_count).toBe(1)
    const del = "aliexpress.solution.batch.product.delete"
    expect(payload(await api.call(del, { product_ids: productId }), del).result.modify_count).toBe(1)
    expect(errorOf(await api.call(INFO, { product_id: productId })).sub_code).toBe("isv.product-not-exist")
    const state = await api.control("GET", "/state")
    expect(state.body.products.find((p: any) => p.skus.some((s: any) => s.sku_code === skus[0]))).toBeUndefined()
  })

  // Last: it resets the shop. The lists by status are kept between calls and built again only
  // when a product is added, removed or changes status, so each of those must show at once.
  it("keeps its lists by status in step with offline, online, delete and a reset", async () => {
    const listed = async (status: string) => {
      const result = payload(await api.call(LIST, { aeop_a_e_product_list_query: { product_status_type: status, page_size: 99 } }), LIST).result
      return (result.aeop_a_e_product_display_d_t_o_list?.item_display_dto ?? []).map((p: any) => String(p.product_id))
    }
    const { productId } = await listProduct(api, image)
    expect(await listed("onSelling")).toContain(productId)
    const off = "aliexpress.postproduct.redefining.offlineaeproduct"
    await api.call(off, { product_ids: productId })
    expect(await listed("onSelling")).not.toContain(productId)
    expect(await listed("offline")).toContain(productId)
    await api.call("aliexpress.postproduct.redefining.onlineaeproduct", { product_ids: productId })
    expect(await listed("offline")).not.toContain(productId)
    expect(await listed("onSelling")).toContain(productId)
    await api.call("aliexpress.solution.batch.product.delete", { product_ids: productId })
    expect(await listed("onSelling")).not.toContain(productId)
    const { productId: kept } = await listProduct(api, image)
    expect(await listed("onSelling")).toContain(kept)
    expect((await api.control("POST", "/reset", { seed: "demo" })).status).toBe(200)
    expect(await listed("onSelling")).toEqual([])
  })
})
