import { existsSync, readFileSync } from "node:fs"
import path from "node:path"
import { SAMPLES_DIR, sampleMethod } from "../client/support/fixtures"
import { TestApi, listProduct, payload, productDto, uploadPng } from "./helpers"

/**
 * `<sample>.request.json` beside a captured answer says how to make the equivalent sandbox call:
 *
 *   { "setup": ["product", "order"], "product": { ...post DTO overrides },
 *     "params": { "param1": { "order_id": "{order_id}" } } }
 *
 * The method comes from the sample's file name. Setup steps run in order and fill variables that
 * `{name}` placeholders in `params` and `product` refer to. Object params are sent as JSON strings.
 * Steps: product (posted with SKU images and past audit: product_id, sku_0, sku_1), offline, order (order_id),
 * part_shipped, feed_job (a finished stock feed for the product: job_id), feed_create_job
 * (a finished PRODUCT_CREATE feed: job_id).
 */
export interface SampleRequest {
  setup?: string[]
  product?: Record<string, unknown>
  params?: Record<string, unknown>
}

export function requestFileOf(sample: string): string {
  return sample.replace(/\.json$/, ".request.json")
}

export function loadSampleRequest(sample: string): SampleRequest | undefined {
  const file = path.join(SAMPLES_DIR, requestFileOf(sample))
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as SampleRequest) : undefined
}

type Vars = Record<string, string>

function fill<T>(value: T, vars: Vars): T {
  const text = JSON.stringify(value ?? null).replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in vars)) {
      throw new Error(`no value for placeholder ${whole} (run the setup step that sets it)`)
    }
    return vars[name]
  })
  return JSON.parse(text) as T
}

async function finishFeed(api: TestApi, operation: string, items: unknown[]): Promise<string> {
  const submit = "aliexpress.solution.feed.submit"
  const job = payload(await api.call(submit, { operation_type: operation, item_list: items }), submit).job_id
  await api.control("POST", "/clock", { advance_ms: 60_000 })
  return String(job)
}

/** Runs the setup steps; returns the variables they set. */
export async function runSetup(api: TestApi, request: SampleRequest): Promise<Vars> {
  const vars: Vars = {}
  let image = ""
  for (const step of request.setup ?? []) {
    image ||= await uploadPng(api)
    if (step === "product") {
      // SKU codes are made first so the overrides (per-country prices) can name them.
      const skuList = productDto(image).sku_info_list
      for (const sku of skuList) {
        sku.sku_attributes_list[0].sku_image_url = image
      }
      const codes = skuList.map((s: { sku_code: string }) => s.sku_code)
      const overrides = fill(request.product ?? {}, { ...vars, sku_0: codes[0], sku_1: codes[1] })
      const { productId, skus } = await listProduct(api, image, { ...overrides, sku_info_list: skuList })
      Object.assign(vars, { product_id: productId, sku_0: skus[0], sku_1: skus[1] })
    } else if (step === "offline") {
      const method = "aliexpress.postproduct.redefining.offlineaeproduct"
      payload(await api.call(method, { product_ids: vars.product_id }), method)
    } else if (step === "order") {
      const placed = await api.control("POST", "/orders", {
        items: [{ sku_code: vars.sku_0, quantity: 2 }, { sku_code: vars.sku_1, quantity: 1 }],
        shipping_amount: "3.50",
      })
      vars.order_id = placed.body.order_id
    } else if (step === "part_shipped") {
      const method = "aliexpress.solution.order.fulfill"
      const params = { service_name: "CAINIAO_STANDARD", out_ref: vars.order_id, send_type: "part", logistics_no: "LP000000001CN" }
      payload(await api.call(method, params), method)
    } else if (step === "feed_job") {
      const content = { aliexpress_product_id: vars.product_id, multiple_sku_update_list: [{ sku_code: vars.sku_0, inventory: 7 }] }
      vars.job_id = await finishFeed(api, "PRODUCT_STOCKS_UPDATE", [{ item_content_id: "A1", item_content: JSON.stringify(content) }])
    } else if (step === "feed_create_job") {
      const item = { item_content_id: "A00000000Y1", item_content: JSON.stringify(productDto(image)) }
      vars.job_id = await finishFeed(api, "PRODUCT_CREATE", [item])
    } else {
      throw new Error(`unknown setup step ${step}`)
    }
  }
  return vars
}

/** Makes the call a sample describes and returns the sandbox's raw answer text. */
export async function callForSample(api: TestApi, sample: string, request: SampleRequest): Promise<string> {
  const vars = await runSetup(api, request)
  const params = fill(request.params ?? {}, vars)
  const answer = await api.call(sampleMethod(sample), params)
  if (answer.status !== 200 || answer.body?.error_response) {
    throw new Error(`${sampleMethod(sample)} answered ${answer.status} ${answer.text}`)
  }
  return answer.text
}
