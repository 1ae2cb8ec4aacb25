/** One line of the readable preview: a label the merchant knows and the value to be sent. */
export type ReadableRow = { label: string; value: string }

export type ReadablePayload = {
  rows: ReadableRow[]
  images: string[]
  skus: { sku: string; price: string; stock: string; options: string }[]
  attributes: ReadableRow[]
}

const text = (v: unknown): string => (v === undefined || v === null || v === "" ? "—" : String(v))
const plain = (html: unknown): string =>
  String(html ?? "")
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim()

/**
 * The product.post payload as a merchant reads it: labelled fields, the pictures, one line per
 * SKU and the category attributes. Reads defensively: it shows whatever part of the payload exists.
 */
export function readablePayload(payload: Record<string, any> | null | undefined): ReadablePayload {
  if (!payload) return { rows: [], images: [], skus: [], attributes: [] }
  const subject = payload.multi_language_subject_list?.[0]?.subject
  const description = plain(payload.multi_language_description_list?.[0]?.web_detail)
  const size = [payload.package_length, payload.package_width, payload.package_height]
  const rows: ReadableRow[] = [
    { label: "Product name", value: text(subject) },
    { label: "Category ID", value: text(payload.aliexpress_category_id) },
    { label: "Keywords", value: text(payload.keywords) },
    { label: "Description", value: text(description.length > 300 ? `${description.slice(0, 299)}…` : description) },
    { label: "Package size (cm)", value: size.every((n) => n !== undefined) ? size.join(" × ") : "—" },
    { label: "Package weight (kg)", value: text(payload.weight) },
    { label: "Sold in lots of", value: text(payload.lot_num) },
    { label: "Unit type", value: text(payload.product_unit) },
    { label: "Delivery time (days)", value: text(payload.shipping_lead_time) },
    { label: "Freight template", value: text(payload.freight_template_id) },
    { label: "Service template", value: payload.service_policy_id === 0 ? "The seller's default" : text(payload.service_policy_id) },
  ]
  const skus = (Array.isArray(payload.sku_info_list) ? payload.sku_info_list : []).map((s: any) => ({
    sku: text(s.sku_code),
    price: text(s.price),
    stock: text(s.inventory),
    options: (Array.isArray(s.sku_attributes_list) ? s.sku_attributes_list : [])
      .map((a: any) => `${a.sku_attribute_name ?? "?"}: ${a.sku_attribute_value ?? a.custom_name ?? "?"}`)
      .join(", "),
  }))
  const attributes = (Array.isArray(payload.attribute_list) ? payload.attribute_list : []).map((a: any) => ({
    label: text(a.attribute_name ?? a.attribute_name_id),
    value: text(a.attribute_value ?? a.attribute_value_id),
  }))
  const images = (Array.isArray(payload.main_image_urls_list) ? payload.main_image_urls_list : []).filter((u: unknown) => typeof u === "string")
  return { rows, images, skus, attributes }
}
