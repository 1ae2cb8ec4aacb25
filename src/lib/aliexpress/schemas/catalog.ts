import { z } from "zod"
import { idString, looseBool, looseNumber, wrappedList } from "./common"

export const categoryTreeSchema = z.looseObject({
  children_category_list: wrappedList(
    z.looseObject({
      children_category_id: idString,
      is_leaf_category: looseBool.optional(),
      level: looseNumber.optional(),
      /** A JSON string `{"en": "...", "de": "..."}` */
      multi_language_names: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
    })
  ),
  is_success: looseBool.optional(),
})

const skuValueSchema = z.looseObject({
  aliexpress_sku_value_name: z.string().optional(),
  aliexpress_sku_value_id: idString.optional(),
})

const supportedSkuAttributeSchema = z.looseObject({
  aliexpress_sku_name: z.string().optional(),
  aliexpress_sku_name_id: idString.optional(),
  required: looseBool.optional(),
  support_customized_name: looseBool.optional(),
  support_customized_picture: looseBool.optional(),
  aliexpress_sku_value_list: wrappedList(skuValueSchema).optional(),
})

const commonAttributeValueSchema = z.looseObject({
  aliexpress_common_attribute_value: z.string().optional(),
  aliexpress_common_attribute_value_id: idString.optional(),
})

const supportedCommonAttributeSchema = z.looseObject({
  aliexpress_common_attribute_name: z.string().optional(),
  aliexpress_common_attribute_name_id: idString.optional(),
  required: looseBool.optional(),
  /** list_box (one value), check_box (several), input (free text): absent from some answers */
  attribute_show_type_value: z.string().optional(),
  aliexpress_common_attribute_value_list: wrappedList(commonAttributeValueSchema).optional(),
})

/**
 * `aliexpress.solution.sku.attribute.query`: the category's SKU attributes and item ("common")
 * attributes, in the field names of the generated SDK types (shared/aliexpress-api.md §5).
 */
export const skuAttributesSchema = z.looseObject({
  result: z
    .looseObject({
      supporting_sku_attribute_list: wrappedList(supportedSkuAttributeSchema).optional(),
      supporting_common_attribute_list: wrappedList(supportedCommonAttributeSchema).optional(),
    })
    .optional(),
})

const freightTemplateList = wrappedList(
  z.looseObject({
    template_id: idString,
    template_name: z.string().optional(),
    is_default: looseBool.optional(),
  })
)

export const freightTemplatesSchema = z.looseObject({
  aeop_freight_template_d_t_o_list: freightTemplateList,
  result: z.looseObject({ aeop_freight_template_d_t_o_list: freightTemplateList }).optional(),
})

const serviceTemplateList = wrappedList(z.looseObject({ id: idString, name: z.string().optional() }))

/** The SDKs document `result.template_list`; the list is also read from the top level. */
export const serviceTemplatesSchema = z.looseObject({
  result: z.looseObject({ template_list: serviceTemplateList }).optional(),
  template_list: serviceTemplateList,
  result_list: serviceTemplateList,
})

export const uploadImageSchema = z.looseObject({
  result: z.looseObject({
    is_success: z.unknown().optional(),
    photobank_url: z.string().optional(),
    photobank_id: idString.optional(),
  }),
})
