import crypto from "node:crypto"
import { MethodContext, MethodDef, asObject, intValue, jsonParam, requireParam } from "../context"
import { BusinessError, SUB, invalid, missing } from "../errors"
import { imageInfo } from "../image-info"
import { CATEGORY_ATTRIBUTES } from "../category-attributes"
import { id, wrap } from "../json"
import { CATEGORIES, FREIGHT_TEMPLATES, SERVICE_TEMPLATES } from "../seed"

const MAX_IMAGE_BYTES = 3 * 1024 * 1024
const MAX_IMAGE_SIDE = 5000

function categoryTree(ctx: MethodContext): Record<string, unknown> {
  const categoryId = intValue(requireParam(ctx, "category_id"), "category_id", 0, Number.MAX_SAFE_INTEGER)!
  if (categoryId !== 0 && !CATEGORIES.some((c) => c.id === categoryId)) {
    throw invalid("category_id", `category ${categoryId} does not exist`)
  }
  const children = CATEGORIES.filter((c) => c.parent === categoryId)
  return {
    is_success: true,
    children_category_list: children.length
      ? wrap(
          "category_info",
          children.map((c) => ({
            children_category_id: c.id,
            is_leaf_category: c.leaf,
            level: c.level,
            multi_language_names: JSON.stringify(c.names),
          }))
        )
      : undefined,
  }
}

function skuAttributes(ctx: MethodContext): Record<string, unknown> {
  let categoryId: number | undefined
  if (ctx.params.query_sku_attribute_info_request) {
    const request = asObject(jsonParam(ctx, "query_sku_attribute_info_request"), "query_sku_attribute_info_request")
    categoryId = intValue(
      request.aliexpress_category_id ?? request.category_id,
      "query_sku_attribute_info_request.aliexpress_category_id",
      1,
      Number.MAX_SAFE_INTEGER
    )
  } else {
    categoryId = intValue(ctx.params.aliexpress_category_id ?? ctx.params.category_id, "aliexpress_category_id", 1, Number.MAX_SAFE_INTEGER)
  }
  if (categoryId === undefined) {
    throw missing("query_sku_attribute_info_request")
  }
  const category = CATEGORIES.find((c) => c.id === categoryId)
  if (!category) {
    throw invalid("aliexpress_category_id", `category ${categoryId} does not exist`)
  }
  if (!category.leaf) {
    throw invalid("aliexpress_category_id", `category ${categoryId} is not a leaf category`)
  }
  const attributes = CATEGORY_ATTRIBUTES[categoryId] ?? { attributes: [], sku: [] }
  return {
    result: {
      success: true,
      supporting_sku_attribute_list: wrap(
        "supported_sku_attribute_dto",
        attributes.sku.map((attr) => ({
          aliexpress_sku_name: attr.name,
          aliexpress_sku_name_id: attr.id,
          required: attr.required,
          support_customized_name: attr.customName,
          support_customized_picture: attr.customPicture,
          aliexpress_sku_value_list: wrap(
            "sku_value_simplified_info_dto",
            attr.values.map((value) => ({ aliexpress_sku_value_name: value.name, aliexpress_sku_value_id: value.id }))
          ),
        }))
      ),
      supporting_common_attribute_list: wrap(
        "supported_common_attribute_dto",
        attributes.attributes.map((attr) => ({
          aliexpress_common_attribute_name: attr.name,
          aliexpress_common_attribute_name_id: id(attr.id),
          required: attr.required,
          attribute_show_type_value: attr.input,
          aliexpress_common_attribute_value_list: attr.values.length
            ? wrap(
                "common_attribute_value_info_dto",
                attr.values.map((value) => ({
                  aliexpress_common_attribute_value: value.name,
                  aliexpress_common_attribute_value_id: id(value.id),
                }))
              )
            : undefined,
        }))
      ),
    },
  }
}

function freightTemplates(): Record<string, unknown> {
  return {
    result_success: true,
    aeop_freight_template_d_t_o_list: wrap("aeopfreighttemplatedtolist", FREIGHT_TEMPLATES),
  }
}

function serviceTemplates(ctx: MethodContext): Record<string, unknown> {
  const templateId = intValue(requireParam(ctx, "template_id"), "template_id", -1, Number.MAX_SAFE_INTEGER)!
  const templates = templateId === -1 ? SERVICE_TEMPLATES : SERVICE_TEMPLATES.filter((t) => t.id === templateId)
  return {
    result: {
      is_success: true,
      template_list: templates.length ? wrap("templatelist", templates) : undefined,
    },
  }
}

function uploadImage(ctx: MethodContext): Record<string, unknown> {
  const file = ctx.files.image_bytes
  if (!file) {
    throw missing("image_bytes")
  }
  const fileName = requireParam(ctx, "file_name")
  if (file.data.length > MAX_IMAGE_BYTES) {
    throw new BusinessError(SUB.imageSize, `image_bytes: the image is ${file.data.length} bytes; at most 3 MB is allowed`)
  }
  const info = imageInfo(file.data)
  if (!info) {
    throw new BusinessError(SUB.imageFormat, "image_bytes: only jpg, gif and png images are accepted")
  }
  if (info.width > MAX_IMAGE_SIDE || info.height > MAX_IMAGE_SIDE) {
    throw new BusinessError(SUB.imageSize, `image_bytes: ${info.width}x${info.height} exceeds 5000x5000 pixels`)
  }
  const hash = "S" + crypto.createHash("sha256").update(file.data).digest("hex").slice(0, 32)
  if (!ctx.seller.images.has(hash)) {
    ctx.seller.images.set(hash, {
      ext: info.ext,
      content_type: info.contentType,
      data: file.data,
      width: info.width,
      height: info.height,
      file_name: fileName,
    })
    ctx.store.markDirty()
  }
  return {
    result: {
      success: true,
      is_success: true,
      photobank_url: `${ctx.baseUrl}/kf/${hash}.${info.ext}`,
      photobank_id: hash,
      width: info.width,
      height: info.height,
      file_name: fileName,
    },
  }
}

function merchantProfile(ctx: MethodContext): Record<string, unknown> {
  const seller = ctx.seller.account
  return {
    country_code: seller.country_code,
    product_posting_forbidden: false,
    merchant_login_id: seller.user_nick,
    shop_id: seller.shop_id,
    shop_name: seller.shop_name,
    shop_type: "business",
    shop_url: `//www.aliexpress.com/store/${seller.shop_id}`,
  }
}

export const catalogMethods: Record<string, MethodDef> = {
  "aliexpress.solution.seller.category.tree.query": { required: ["category_id"], handler: categoryTree },
  "aliexpress.solution.sku.attribute.query": { handler: skuAttributes },
  "aliexpress.freight.redefining.listfreighttemplate": { handler: freightTemplates },
  "aliexpress.postproduct.redefining.querypromisetemplatebyid": { required: ["template_id"], handler: serviceTemplates },
  "aliexpress.photobank.redefining.uploadimageforsdk": { required: ["file_name"], handler: uploadImage },
  "aliexpress.solution.merchant.profile.get": { handler: merchantProfile },
}
