import {
  categoryTreeSchema,
  freightTemplatesSchema,
  serviceTemplatesSchema,
  skuAttributesSchema,
  uploadImageSchema,
} from "../schemas"
import type { Category, FreightTemplate, ServiceTemplate, SkuAttribute } from "../types"
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

function pick(source: Record<string, unknown>, keys: string[]): unknown {
  return keys.map((key) => source[key]).find((value) => value !== undefined && value !== null && value !== "")
}

function flag(value: unknown): boolean {
  return value === true || value === "true"
}

function listOf(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) {
    return value
  }
  if (value && typeof value === "object") {
    const list = Object.values(value).find(Array.isArray)
    return list ?? []
  }
  return []
}

/** Reads one supported SKU attribute whatever naming the API version uses. */
function toSkuAttribute(item: Record<string, unknown>): SkuAttribute {
  const name = pick(item, ["aliexpress_sku_name", "sku_attribute_name", "attribute_name", "name"])
  const values = listOf(pick(item, ["aliexpress_sku_value_list", "sku_attribute_values", "attribute_values", "values"]))
  return {
    name: englishName(name, ""),
    required: flag(item.required),
    customizedNameAllowed: flag(pick(item, ["support_customized_name", "customized_name_allowed"])),
    customizedPictureAllowed: flag(pick(item, ["support_customized_picture", "customized_pic_allowed"])),
    values: values
      .map((value) => pick(value, ["aliexpress_sku_value_name", "sku_attribute_value", "value_name", "name", "value"]))
      .filter((value): value is string => typeof value === "string")
      .map((value) => englishName(value, value)),
  }
}

export async function getSkuAttributes(call: Caller, categoryId: string): Promise<SkuAttribute[]> {
  const method = "aliexpress.solution.sku.attribute.query"
  const params = { query_sku_attribute_info_request: { aliexpress_category_id: categoryId } }
  const payload = parsePayload(skuAttributesSchema, await call(method, params, READ), method)
  return (payload.result?.supporting_sku_attribute_list ?? []).map(toSkuAttribute).filter((attribute) => attribute.name)
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
