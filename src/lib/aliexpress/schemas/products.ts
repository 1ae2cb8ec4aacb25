import { z } from "zod"
import { decimalString, idString, looseBool, looseNumber, looseString, wrappedList } from "./common"

export const postProductSchema = z.looseObject({
  result: z.looseObject({ product_id: idString }),
})

export const editProductSchema = z.looseObject({
  result: z.looseObject({ product_id: idString.optional() }).optional(),
})

const productSkuSchema = z.looseObject({
  sku_code: looseString.optional(),
  sku_price: decimalString.optional(),
  sku_discount_price: decimalString.optional(),
  /** The stock count; `sku_stock` is only an in-stock flag. */
  ipm_sku_stock: looseNumber.optional(),
  sku_stock: z.unknown().optional(),
  currency_code: z.string().optional(),
  id: looseString.optional(),
})

export const productInfoSchema = z.looseObject({
  result: z.looseObject({
    product_id: idString,
    product_status_type: z.string().optional(),
    subject: z.string().optional(),
    multi_language_subject_list: wrappedList(
      z.looseObject({ locale: z.string().optional(), language: z.string().optional(), subject: z.string().optional() })
    ),
    aeop_ae_product_s_k_us: wrappedList(productSkuSchema),
    image_u_r_ls: z.string().optional(),
    category_id: idString.optional(),
    freight_template_id: idString.optional(),
    gmt_modified: z.string().optional(),
  }),
})

export const productListSchema = z.looseObject({
  result: z.looseObject({
    product_count: looseNumber.optional(),
    total_page: looseNumber.optional(),
    current_page: looseNumber.optional(),
    aeop_a_e_product_display_d_t_o_list: wrappedList(
      z.looseObject({
        product_id: idString,
        subject: z.string().optional(),
        gmt_modified: z.string().optional(),
      })
    ),
  }),
})

/** Batch price/stock update: the outcome is at the top level of the `_response` object. */
export const batchUpdateSchema = z.looseObject({
  update_success: looseBool.optional(),
  update_error_code: looseString.optional(),
  update_error_message: z.string().optional(),
  update_successful_list: wrappedList(z.looseObject({ product_id: idString })),
  update_failed_list: wrappedList(
    z.looseObject({
      product_id: idString,
      error_code: looseString.optional(),
      error_message: z.string().optional(),
    })
  ),
})

export const productStatusChangeSchema = z.looseObject({
  result: z
    .looseObject({
      success: looseBool.optional(),
      modify_count: looseNumber.optional(),
      error_details: z.unknown().optional(),
    })
    .optional(),
})

export const deleteProductsSchema = z.looseObject({
  result: z.looseObject({ success: looseBool.optional() }).optional(),
  success: looseBool.optional(),
})
