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

/**
 * Field names differ between API versions (`aliexpress_sku_name` vs `sku_attribute_name`,
 * `supported_sku_attribute_dto` vs `sku_attribute_info_dto`): items are read leniently by the mapper.
 */
export const skuAttributesSchema = z.looseObject({
  result: z
    .looseObject({
      supporting_sku_attribute_list: wrappedList(z.record(z.string(), z.unknown())),
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
