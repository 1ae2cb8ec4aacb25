import axios, { AxiosInstance } from "axios"
import crypto from "node:crypto"
import { parse } from "lossless-json"
import { SandboxHandle, SandboxOptions, startSandbox } from "../../../src/sandbox"

export const APP_KEY = "500102"
export const APP_SECRET = "sandbox-test-secret"

/** Independent implementation of AliExpress request signing (shared/aliexpress-api.md §2). */
export function sign(secret: string, apiPath: string, params: Record<string, string>): string {
  const text = Object.keys(params)
    .filter((k) => k !== "sign" && params[k] !== "")
    .sort()
    .map((k) => k + params[k])
    .join("")
  return crypto.createHmac("sha256", secret).update(apiPath + text, "utf8").digest("hex").toUpperCase()
}

export function signMd5(secret: string, params: Record<string, string>): string {
  const text = Object.keys(params)
    .filter((k) => k !== "sign" && params[k] !== "")
    .sort()
    .map((k) => k + params[k])
    .join("")
  return crypto.createHash("md5").update(secret + text + secret, "utf8").digest("hex").toUpperCase()
}

/** Parses keeping integers beyond 2^53 as digit strings. */
export function parseBody(text: string): any {
  return parse(text, null, (value) => {
    const n = Number(value)
    return /^-?\d+$/.test(value) && !Number.isSafeInteger(n) ? value : n
  })
}

export interface CallOptions {
  token?: string | null
  simplify?: boolean
  signMethod?: "sha256" | "md5"
  timestamp?: string
  secret?: string
  appKey?: string
  tamper?: boolean
  /** Put system params in the query string (Java SDK style) instead of the body. */
  systemInQuery?: boolean
  omit?: string[]
}

export interface ApiAnswer {
  status: number
  text: string
  body: any
}

export class TestApi {
  readonly http: AxiosInstance
  token?: string

  constructor(readonly base: string) {
    this.http = axios.create({
      baseURL: base,
      validateStatus: () => true,
      responseType: "text",
      transformResponse: (data) => data,
      maxRedirects: 0,
    })
  }

  private systemParams(options: CallOptions): Record<string, string> {
    const system: Record<string, string> = {
      app_key: options.appKey ?? APP_KEY,
      timestamp: options.timestamp ?? String(Date.now()),
      sign_method: options.signMethod ?? "sha256",
    }
    return system
  }

  private finish(params: Record<string, string>, apiPath: string, options: CallOptions): void {
    for (const key of options.omit ?? []) {
      delete params[key]
    }
    const secret = options.secret ?? APP_SECRET
    params.sign = options.signMethod === "md5" ? signMd5(secret, params) : sign(secret, apiPath, params)
    if (options.tamper) {
      params.sign = params.sign.replace(/^./, (c) => (c === "A" ? "B" : "A"))
    }
    if (options.omit?.includes("sign")) {
      delete params.sign
    }
  }

  private answer(status: number, text: string): ApiAnswer {
    let body: any
    try {
      body = parseBody(text)
    } catch {
      body = undefined
    }
    return { status, text, body }
  }

  async call(method: string, business: Record<string, unknown> = {}, options: CallOptions = {}): Promise<ApiAnswer> {
    const system: Record<string, string> = { ...this.systemParams(options), method, format: "json", v: "2.0" }
    const token = options.token === undefined ? this.token : options.token
    if (token) {
      system.session = token
    }
    if (options.simplify) {
      system.simplify = "true"
    }
    const params: Record<string, string> = { ...system }
    for (const [key, value] of Object.entries(business)) {
      if (value !== undefined) {
        params[key] = typeof value === "string" ? value : JSON.stringify(value)
      }
    }
    this.finish(params, "", options)
    let query = new URLSearchParams({ method })
    let form = new URLSearchParams(params)
    if (options.systemInQuery) {
      const inQuery: Record<string, string> = {}
      const inBody: Record<string, string> = {}
      for (const [key, value] of Object.entries(params)) {
        ;(key in system || key === "sign" ? inQuery : inBody)[key] = value
      }
      query = new URLSearchParams(inQuery)
      form = new URLSearchParams(inBody)
    }
    const res = await this.http.post(`/sync?${query}`, form.toString(), {
      headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" },
    })
    return this.answer(res.status, res.data)
  }

  async rest(path: string, business: Record<string, string>, options: CallOptions = {}): Promise<ApiAnswer> {
    const params: Record<string, string> = { ...this.systemParams(options), ...business }
    this.finish(params, path, options)
    const res = await this.http.post(`/rest${path}`, new URLSearchParams(params).toString(), {
      headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" },
    })
    return this.answer(res.status, res.data)
  }

  async upload(data: Buffer, fileName = "image.png", options: CallOptions = {}): Promise<ApiAnswer> {
    const params: Record<string, string> = {
      ...this.systemParams(options),
      method: "aliexpress.photobank.redefining.uploadimageforsdk",
      format: "json",
      v: "2.0",
      session: this.token!,
      file_name: fileName,
    }
    this.finish(params, "", options)
    const form = new FormData()
    for (const [key, value] of Object.entries(params)) {
      form.append(key, value)
    }
    form.append("image_bytes", new Blob([new Uint8Array(data)]), fileName)
    const res = await this.http.post("/sync", form)
    return this.answer(res.status, res.data)
  }

  async control(method: "GET" | "POST", path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const res = await this.http.request({
      method,
      url: `/__sandbox${path}`,
      data: body === undefined ? undefined : JSON.stringify(body),
      headers: { "content-type": "application/json" },
    })
    return { status: res.status, body: res.data ? JSON.parse(res.data) : undefined }
  }

  async mintToken(body: Record<string, number> = {}): Promise<string> {
    const res = await this.control("POST", "/tokens", body)
    this.token = res.body.access_token
    return this.token!
  }
}

/** Response payload of a simplify=false call. */
export function payload(answer: ApiAnswer, method: string): any {
  const key = `${method.replace(/\./g, "_")}_response`
  if (!answer.body?.[key]) {
    throw new Error(`expected ${key}, got ${answer.text}`)
  }
  return answer.body[key]
}

export function errorOf(answer: ApiAnswer): any {
  if (!answer.body?.error_response) {
    throw new Error(`expected an error_response, got ${answer.text}`)
  }
  return answer.body.error_response
}

export async function startTestSandbox(extra: Partial<SandboxOptions> = {}): Promise<{ sandbox: SandboxHandle; api: TestApi }> {
  const sandbox = await startSandbox({
    port: 0,
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    auditDelayMs: 50,
    rateLimitPerSecond: 0,
    ...extra,
  })
  const api = new TestApi(sandbox.url)
  await api.mintToken()
  return { sandbox, api }
}

/** A minimal PNG (valid signature and IHDR) with some distinguishing bytes. */
export function png(width = 800, height = 800, salt = crypto.randomBytes(8)): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8
  ihdr[9] = 2
  const chunk = Buffer.concat([Buffer.from([0, 0, 0, 13]), Buffer.from("IHDR"), ihdr, Buffer.alloc(4)])
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk, salt])
}

export async function uploadPng(api: TestApi): Promise<string> {
  const answer = await api.upload(png())
  return payload(answer, "aliexpress.photobank.redefining.uploadimageforsdk").result.photobank_url
}

let skuSeq = 0
export const uniqueSku = (prefix = "SKU"): string => `${prefix}-${process.pid}-${++skuSeq}`

/** A post_product_request that passes every rule. */
export function productDto(image: string, overrides: Record<string, unknown> = {}): Record<string, any> {
  return {
    aliexpress_category_id: 200000346,
    language: "en",
    multi_language_subject_list: [{ language: "en", subject: "Organic cotton crew neck T-shirt" }],
    multi_language_description_list: [
      { language: "en", web_detail: `<p><b>Soft</b> cotton</p><img src="${image}">`, mobile_detail: "<p>Soft cotton</p>" },
    ],
    main_image_urls_list: [image],
    sku_info_list: [
      {
        sku_code: uniqueSku(),
        price: "19.90",
        discount_price: "15.00",
        inventory: 10,
        sku_attributes_list: [
          { sku_attribute_name: "Color", sku_attribute_value: "Black" },
          { sku_attribute_name: "Size", sku_attribute_value: "M" },
        ],
      },
      {
        sku_code: uniqueSku(),
        price: "19.90",
        inventory: 5,
        sku_attributes_list: [
          { sku_attribute_name: "Color", sku_attribute_value: "Black" },
          { sku_attribute_name: "Size", sku_attribute_value: "L" },
        ],
      },
    ],
    attribute_list: [...TEE_ATTRIBUTES],
    package_length: 30,
    package_width: 20,
    package_height: 3,
    weight: "0.250",
    shipping_lead_time: 3,
    freight_template_id: 1000,
    service_policy_id: 0,
    product_unit: 100000015,
    ...overrides,
  }
}

export const POST = "aliexpress.solution.product.post"

/** Brand Name NoBrand, Origin Mainland China, Material Cotton: the T-Shirts category's required attributes. */
export const TEE_ATTRIBUTES = [
  { aliexpress_attribute_name_id: 2, aliexpress_attribute_value_id: 201512802 },
  { aliexpress_attribute_name_id: 219, aliexpress_attribute_value_id: 9441741844 },
  { aliexpress_attribute_name_id: 10, aliexpress_attribute_value_id: 47 },
]

/** Posts a product and ends its audit; returns the product id (string) and its sku codes. */
export async function listProduct(
  api: TestApi,
  image: string,
  overrides: Record<string, unknown> = {}
): Promise<{ productId: string; skus: string[] }> {
  const dto = productDto(image, overrides)
  const answer = await api.call(POST, { post_product_request: dto })
  const productId = String(payload(answer, POST).result.product_id)
  await api.control("POST", "/clock", { advance_ms: 60_000 })
  return { productId, skus: dto.sku_info_list.map((s: { sku_code: string }) => s.sku_code) }
}
