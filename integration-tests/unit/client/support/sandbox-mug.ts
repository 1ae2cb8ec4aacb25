import { AliExpressClient, type AliExpressClientOptions, type PostProductRequest } from "../../../../src/lib/aliexpress"
import type { startSandbox } from "../../../../src/sandbox"

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>

/** The sandbox's Mugs leaf category. */
export const MUGS = "200000534"

/** A 1x1 PNG for the image bank. */
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64"
)

/** A call to the sandbox's control API that must succeed. */
export async function control<T = Record<string, any>>(sandbox: Sandbox, path: string, body: unknown = {}): Promise<T> {
  const response = await fetch(`${sandbox.url}/__sandbox${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  })
  expect(response.status).toBe(200)
  return (await response.json()) as T
}

/** A two-colour mug with the attributes its category requires, ready to post. */
export function mugProduct(skuCode: string, imageUrl: string, subject = "Ceramic mug 350 ml"): PostProductRequest {
  return {
    aliexpress_category_id: MUGS,
    language: "en",
    multi_language_subject_list: [{ language: "en", subject }],
    multi_language_description_list: [{ language: "en", web_detail: "<p>A white ceramic mug.</p>" }],
    main_image_urls_list: [imageUrl],
    sku_info_list: [
      { sku_code: `${skuCode}-W`, price: "12.00", discount_price: "9.90", inventory: 10, sku_attributes_list: [{ sku_attribute_name: "Color", sku_attribute_value: "White" }] },
      { sku_code: `${skuCode}-B`, price: "12.00", inventory: 4, sku_attributes_list: [{ sku_attribute_name: "Color", sku_attribute_value: "Black" }] },
    ],
    // Brand Name NoBrand, Origin Mainland China, Material Ceramic
    attribute_list: [
      { aliexpress_attribute_name_id: 2, aliexpress_attribute_value_id: 201512802 },
      { aliexpress_attribute_name_id: 219, aliexpress_attribute_value_id: 9441741844 },
      { aliexpress_attribute_name_id: 10, aliexpress_attribute_value_id: 200003001 },
    ],
    package_length: 12,
    package_width: 10,
    package_height: 10,
    weight: "0.450",
    shipping_lead_time: 3,
    freight_template_id: "1000",
    service_policy_id: 0,
    product_unit: 100000015,
  }
}

/** A client of the sandbox with freshly minted tokens, quick retries and a short timeout. */
export async function sandboxClient(sandbox: Sandbox, appKey: string, appSecret: string, options: Partial<AliExpressClientOptions> = {}): Promise<AliExpressClient> {
  const minted = await control<{ access_token: string; refresh_token: string }>(sandbox, "/tokens")
  return new AliExpressClient({
    baseUrl: sandbox.url,
    appKey,
    appSecret,
    tokens: { accessToken: minted.access_token, refreshToken: minted.refresh_token },
    retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 50 },
    timeoutMs: 5000,
    ...options,
  })
}
