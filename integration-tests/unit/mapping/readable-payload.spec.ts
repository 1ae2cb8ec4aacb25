import { readablePayload } from "../../../src/lib/mapping/readable-payload"

describe("readable preview payload", () => {
  it("labels the fields, lists the pictures, SKUs and attributes", () => {
    const view = readablePayload({
      aliexpress_category_id: 200000346,
      multi_language_subject_list: [{ language: "en", subject: "Classic Tee" }],
      multi_language_description_list: [{ language: "en", web_detail: "<p>Soft <b>cotton</b></p>", mobile_detail: "" }],
      main_image_urls_list: ["https://img/1.jpg", "https://img/2.png"],
      sku_info_list: [{ sku_code: "TEE-RED-M", price: "19.99", inventory: 10, sku_attributes_list: [{ sku_attribute_name: "Color", sku_attribute_value: "Red" }] }],
      attribute_list: [{ attribute_name: "Material", attribute_value: "Cotton" }],
      package_length: 30,
      package_width: 25,
      package_height: 3,
      weight: "0.200",
      lot_num: 1,
      service_policy_id: 0,
    })
    const row = (label: string) => view.rows.find((r) => r.label === label)?.value
    expect(row("Product name")).toBe("Classic Tee")
    expect(row("Category ID")).toBe("200000346")
    expect(row("Description")).toBe("Soft cotton")
    expect(row("Package size (cm)")).toBe("30 × 25 × 3")
    expect(row("Service template")).toBe("The seller's default")
    expect(row("Keywords")).toBe("—")
    expect(view.images).toEqual(["https://img/1.jpg", "https://img/2.png"])
    expect(view.skus).toEqual([{ sku: "TEE-RED-M", price: "19.99", stock: "10", options: "Color: Red" }])
    expect(view.attributes).toEqual([{ label: "Material", value: "Cotton" }])
  })

  it("shows nothing for no payload", () => {
    expect(readablePayload(null)).toEqual({ rows: [], images: [], skus: [], attributes: [] })
  })
})
