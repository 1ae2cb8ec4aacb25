import { MethodContext, MethodDef, intValue, requireParam } from "../context"
import { invalid } from "../errors"
import { CATEGORIES, FREIGHT_TEMPLATES, PRODUCT_UNITS, SERVICE_TEMPLATES, SKU_ATTRIBUTES } from "../seed"

const text = (maxLength?: number) => ({ type: "string", minLength: 1, ...(maxLength ? { maxLength } : {}) })
const price = { type: "string", pattern: "^\\d+(\\.\\d{1,2})?$", description: "0.01 to 999999" }
const integer = (minimum: number, maximum: number) => ({ type: "integer", minimum, maximum })

/**
 * The JSON Schema of a PRODUCT_CREATE feed item for one leaf category. In the sandbox a feed item
 * is the post_product_request DTO, checked by the same rules as product.post.
 */
function schemaFor(ctx: MethodContext, categoryId: number): Record<string, unknown> {
  const skuAttribute = {
    type: "object",
    required: ["sku_attribute_name", "sku_attribute_value"],
    properties: {
      sku_attribute_name: { enum: Object.keys(SKU_ATTRIBUTES) },
      sku_attribute_value: { type: "string", minLength: 1, maxLength: 70, pattern: "^[^{}#:=,]*$" },
      sku_image_url: { type: "string", format: "uri" },
    },
  }
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: `PRODUCT_CREATE item for category ${categoryId}`,
    type: "object",
    required: [
      "aliexpress_category_id",
      "language",
      "multi_language_subject_list",
      "main_image_urls_list",
      "sku_info_list",
      "attribute_list",
      "package_length",
      "package_width",
      "package_height",
      "weight",
      "shipping_lead_time",
      "freight_template_id",
    ],
    properties: {
      aliexpress_category_id: { const: categoryId },
      language: text(),
      multi_language_subject_list: {
        type: "array",
        minItems: 1,
        items: { type: "object", required: ["language", "subject"], properties: { language: text(), subject: text(ctx.store.config.titleMaxLength) } },
      },
      multi_language_description_list: {
        type: "array",
        items: { type: "object", required: ["language"], properties: { language: text(), web_detail: text(60000), mobile_detail: text(60000) } },
      },
      main_image_urls_list: { type: "array", minItems: 1, maxItems: 6, items: { type: "string", format: "uri" } },
      sku_info_list: {
        type: "array",
        minItems: 1,
        maxItems: 500,
        items: {
          type: "object",
          required: ["sku_code", "price", "inventory"],
          properties: {
            sku_code: text(50),
            price,
            discount_price: price,
            inventory: integer(0, 999999),
            sku_attributes_list: { type: "array", items: skuAttribute },
          },
        },
      },
      attribute_list: {
        type: "array",
        description: "Must contain Brand Name",
        items: {
          type: "object",
          properties: {
            attribute_name: text(),
            attribute_name_id: { type: "integer" },
            attribute_value: text(70),
            attribute_value_id: { type: "integer" },
          },
        },
      },
      package_length: integer(1, 700),
      package_width: integer(1, 700),
      package_height: integer(1, 700),
      weight: { type: "string", pattern: "^\\d+(\\.\\d{1,3})?$", description: "kg, 0.001 to 500" },
      shipping_lead_time: integer(1, 60),
      freight_template_id: { enum: FREIGHT_TEMPLATES.map((t) => t.template_id) },
      service_policy_id: { enum: [0, ...SERVICE_TEMPLATES.map((t) => t.id)] },
      product_unit: { enum: Object.keys(PRODUCT_UNITS).map(Number) },
      lot_num: integer(1, 100000),
      package_type: { type: "boolean" },
      inventory_deduction_strategy: { enum: ["place_order_withhold", "payment_success_deduct"] },
    },
  }
}

function schemaGet(ctx: MethodContext): Record<string, unknown> {
  const categoryId = intValue(requireParam(ctx, "aliexpress_category_id"), "aliexpress_category_id", 1, Number.MAX_SAFE_INTEGER)!
  const category = CATEGORIES.find((c) => c.id === categoryId)
  if (!category) {
    throw invalid("aliexpress_category_id", `category ${categoryId} does not exist`)
  }
  if (!category.leaf) {
    throw invalid("aliexpress_category_id", `category ${categoryId} is not a leaf category`)
  }
  return {
    result: {
      success: true,
      error_code: "",
      error_message: "",
      schema: JSON.stringify(schemaFor(ctx, categoryId)),
    },
  }
}

export const productSchemaMethods: Record<string, MethodDef> = {
  "aliexpress.solution.product.schema.get": { required: ["aliexpress_category_id"], handler: schemaGet },
}
