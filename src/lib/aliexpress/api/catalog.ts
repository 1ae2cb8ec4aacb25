import {
  categoryTreeSchema,
  freightTemplatesSchema,
  serviceTemplatesSchema,
  skuAttributesSchema,
  uploadImageSchema,
} from "../schemas"
import type { Category, CategoryAttribute, CategoryAttributeSet, FreightTemplate, ServiceTemplate, SkuAttribute } from "../types"
import { AliExpressPermanentError } from "../errors"
import { invalidArgument, parsePayload, type Caller } from "./caller"

const READ = { idempotent: true } as const

/** `multi_language_names` is a JSON string keyed by language; the English name is the reference. */
export function englishName(names: unknown, fallback: string): string {
  let parsed = names
  if (typeof names === "string") {
    try {
      parsed = JSON.parse(names)
    } catch {
      return names || fallback
    }
  }
  if (parsed && typeof parsed === "object") {
    const byLanguage = parsed as Record<string, unknown>
    const name = byLanguage.en ?? Object.values(byLanguage).find((value) => typeof value === "string")
    return typeof name === "string" ? name : fallback
  }
  return fallback
}

export async function getCategoryChildren(call: Caller, categoryId = "0"): Promise<Category[]> {
  const method = "aliexpress.solution.seller.category.tree.query"
  const payload = parsePayload(categoryTreeSchema, await call(method, { category_id: categoryId }, READ), method)
  return payload.children_category_list.map((category) => ({
    id: category.children_category_id,
    name: englishName(category.multi_language_names, category.children_category_id),
    isLeaf: category.is_leaf_category ?? false,
    level: category.level,
  }))
}

/** How an item attribute is filled; without a show type, a list means one value and no list free text. */
function inputOf(showType: string | undefined, hasValues: boolean): CategoryAttribute["input"] {
  const type = (showType ?? "").toLowerCase()
  if (type === "check_box") return "multi"
  if (type === "input" || type === "interval") return "text"
  if (type === "list_box") return "single"
  return hasValues ? "single" : "text"
}

/** The category's SKU attributes (Color, Size, ...) and item attributes (Brand Name, Origin, ...). */
export async function getCategoryAttributes(call: Caller, categoryId: string): Promise<CategoryAttributeSet> {
  const method = "aliexpress.solution.sku.attribute.query"
  const params = { query_sku_attribute_info_request: { aliexpress_category_id: categoryId } }
  const payload = parsePayload(skuAttributesSchema, await call(method, params, READ), method)
  const result = payload.result ?? {}
  const skuAttributes: SkuAttribute[] = (result.supporting_sku_attribute_list ?? [])
    .filter((item) => item.aliexpress_sku_name)
    .map((item) => ({
      name: englishName(item.aliexpress_sku_name, item.aliexpress_sku_name ?? ""),
      required: item.required ?? false,
      customizedNameAllowed: item.support_customized_name ?? false,
      customizedPictureAllowed: item.support_customized_picture ?? false,
      values: (item.aliexpress_sku_value_list ?? [])
        .map((value) => value.aliexpress_sku_value_name)
        .filter((value): value is string => typeof value === "string")
        .map((value) => englishName(value, value)),
    }))
  const attributes: CategoryAttribute[] = (result.supporting_common_attribute_list ?? [])
    .filter((item) => item.aliexpress_common_attribute_name_id !== undefined)
    .map((item) => {
      const values = (item.aliexpress_common_attribute_value_list ?? [])
        .filter((value) => value.aliexpress_common_attribute_value_id !== undefined)
        .map((value) => ({
          id: value.aliexpress_common_attribute_value_id!,
          name: englishName(value.aliexpress_common_attribute_value, value.aliexpress_common_attribute_value_id!),
        }))
      return {
        nameId: item.aliexpress_common_attribute_name_id!,
        name: englishName(item.aliexpress_common_attribute_name, item.aliexpress_common_attribute_name_id!),
        required: item.required ?? false,
        input: inputOf(item.attribute_show_type_value, values.length > 0),
        values,
      }
    })
  return { categoryId, skuAttributes, attributes }
}

/** The category's SKU attributes only. */
export async function getSkuAttributes(call: Caller, categoryId: string): Promise<SkuAttribute[]> {
  return (await getCategoryAttributes(call, categoryId)).skuAttributes
}

export async function listFreightTemplates(call: Caller): Promise<FreightTemplate[]> {
  const method = "aliexpress.freight.redefining.listfreighttemplate"
  const payload = parsePayload(freightTemplatesSchema, await call(method, {}, READ), method)
  const templates = payload.aeop_freight_template_d_t_o_list.length
    ? payload.aeop_freight_template_d_t_o_list
    : (payload.result?.aeop_freight_template_d_t_o_list ?? [])
  return templates.map((template) => ({
    id: template.template_id,
    name: template.template_name ?? template.template_id,
    isDefault: template.is_default ?? false,
  }))
}

/** Service (promise) templates; `template_id = -1` asks for all of them. */
export async function listServiceTemplates(call: Caller): Promise<ServiceTemplate[]> {
  const method = "aliexpress.postproduct.redefining.querypromisetemplatebyid"
  const payload = parsePayload(serviceTemplatesSchema, await call(method, { template_id: -1 }, READ), method)
  const lists = [payload.result?.template_list ?? [], payload.template_list, payload.result_list]
  const templates = lists.find((list) => list.length > 0) ?? []
  return templates.map((template) => ({ id: template.id, name: template.name ?? template.id }))
}

const MAX_IMAGE_BYTES = 3 * 1024 * 1024

/** Uploads to the seller's image bank; listings may only use image-bank URLs. */
export async function uploadImage(call: Caller, input: { fileName: string; bytes: Buffer; groupId?: string }): Promise<{ url: string }> {
  const method = "aliexpress.photobank.redefining.uploadimageforsdk"
  if (input.bytes.length > MAX_IMAGE_BYTES) {
    throw invalidArgument(method, `${input.fileName} is ${input.bytes.length} bytes; the image bank takes at most 3 MB`)
  }
  const payload = parsePayload(
    uploadImageSchema,
    await call(method, { file_name: input.fileName, group_id: input.groupId }, {
      idempotent: false,
      files: { image_bytes: { fileName: input.fileName, bytes: input.bytes, contentType: imageType(input.fileName) } },
    }),
    method
  )
  const url = payload.result.photobank_url
  if (!url) {
    throw new AliExpressPermanentError({ code: "UnexpectedResponse", message: `AliExpress ${method}: no photobank_url`, method })
  }
  return { url }
}

function imageType(fileName: string): string {
  const extension = fileName.toLowerCase().split(".").pop()
  if (extension === "png") {
    return "image/png"
  }
  if (extension === "gif") {
    return "image/gif"
  }
  return extension === "jpg" || extension === "jpeg" ? "image/jpeg" : "application/octet-stream"
}
