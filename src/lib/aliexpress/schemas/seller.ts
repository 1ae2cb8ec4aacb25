import { z } from "zod"
import { idString, looseBool } from "./common"

/** merchant.profile.get: the seller's shop, at the top of the `_response` object. */
export const merchantProfileSchema = z.looseObject({
  country_code: z.string().optional(),
  product_posting_forbidden: looseBool.optional(),
  merchant_login_id: z.string().optional(),
  shop_id: idString.optional(),
  shop_name: z.string().optional(),
  shop_type: z.string().optional(),
  shop_url: z.string().optional(),
})

/** product.schema.get: the category's listing schema as a JSON string in `result.schema`. */
export const productSchemaSchema = z.looseObject({
  result: z.looseObject({
    success: looseBool.optional(),
    error_code: z.unknown().optional(),
    error_message: z.string().optional(),
    schema: z.string().optional(),
  }),
})
