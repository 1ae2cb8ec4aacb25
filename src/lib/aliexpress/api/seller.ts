import { merchantProfileSchema, productSchemaSchema } from "../schemas"
import type { MerchantProfile } from "../types"
import { parsePayload, type Caller } from "./caller"

const READ = { idempotent: true } as const

export async function getMerchantProfile(call: Caller): Promise<MerchantProfile> {
  const method = "aliexpress.solution.merchant.profile.get"
  const profile = parsePayload(merchantProfileSchema, await call(method, {}, READ), method)
  return {
    shopId: profile.shop_id,
    shopName: profile.shop_name,
    shopType: profile.shop_type,
    shopUrl: profile.shop_url,
    loginId: profile.merchant_login_id,
    countryCode: profile.country_code,
    postingForbidden: profile.product_posting_forbidden ?? false,
  }
}

/** The category's listing schema (JSON Schema text, parsed). */
export async function getProductSchema(call: Caller, categoryId: string): Promise<Record<string, unknown>> {
  const method = "aliexpress.solution.product.schema.get"
  const { result } = parsePayload(productSchemaSchema, await call(method, { aliexpress_category_id: categoryId }, READ), method)
  try {
    const schema = JSON.parse(result.schema ?? "{}")
    return schema && typeof schema === "object" ? schema : {}
  } catch {
    return {}
  }
}
