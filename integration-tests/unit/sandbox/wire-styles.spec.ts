import axios from "axios"
import crypto from "node:crypto"
import { sendRequest } from "../../../src/lib/aliexpress/transport"
import { SandboxHandle } from "../../../src/sandbox"
import { APP_KEY, APP_SECRET, TestApi, listProduct, parseBody, sign, startTestSandbox, uploadPng } from "./helpers"

/**
 * The same calls in the three wire styles of the official SDKs and of the plugin's client must get
 * the same answers:
 * - Python IOP SDK (iop-sdk-python-20220609): every param in the form body, empty values signed
 *   as `key` + "", business calls to /sync and token calls to the bare /rest with `method` = path;
 * - Java IOP SDK: system params in the query string, business params in the body, empty values
 *   dropped, token calls to /rest/<path>;
 * - the plugin's transport (src/lib/aliexpress/transport.ts).
 */

type Params = Record<string, unknown>
type Style = (method: string, params: Params, token?: string) => Promise<unknown>

const http = axios.create({ validateStatus: () => true, responseType: "text", transformResponse: (d) => d })
const FORM = { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" }
const isPath = (method: string): boolean => method.startsWith("/")
const text = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value))

/** Signs with every key, empty ones included (the Python SDK's `sign`). */
function signWithEmpty(apiPath: string, params: Record<string, string>): string {
  const base = Object.keys(params)
    .filter((k) => k !== "sign")
    .sort()
    .map((k) => k + params[k])
    .join("")
  return crypto.createHmac("sha256", APP_SECRET).update(apiPath + base, "utf8").digest("hex").toUpperCase()
}

function pythonStyle(base: string): Style {
  return async (method, params, token) => {
    const all: Record<string, string> = {
      format: "json",
      app_key: APP_KEY,
      sign_method: "sha256",
      timestamp: `${Math.floor(Date.now() / 1000)}000`,
      partner_id: "iop-sdk-python-20220609",
      method,
      simplify: "false",
    }
    if (token) all.session = token
    for (const [key, value] of Object.entries(params)) all[key] = text(value)
    all.sign = signWithEmpty(isPath(method) ? method : "", all)
    const url = `${base}${isPath(method) ? "/rest" : "/sync"}`
    return parseBody((await http.post(url, new URLSearchParams(all).toString(), { headers: FORM })).data)
  }
}

function javaStyle(base: string): Style {
  return async (method, params, token) => {
    const system: Record<string, string> = {
      app_key: APP_KEY,
      timestamp: String(Date.now()),
      sign_method: "sha256",
      partner_id: "iop-sdk-java-20181207",
    }
    if (!isPath(method)) system.method = method
    if (token) system[isPath(method) ? "access_token" : "session"] = token
    const business: Record<string, string> = {}
    for (const [key, value] of Object.entries(params)) {
      if (value !== "" && value !== undefined) business[key] = text(value)
    }
    system.sign = sign(APP_SECRET, isPath(method) ? method : "", { ...system, ...business })
    const url = `${base}${isPath(method) ? `/rest${method}` : "/sync"}?${new URLSearchParams(system)}`
    return parseBody((await http.post(url, new URLSearchParams(business).toString(), { headers: FORM })).data)
  }
}

/** The plugin's own request building; the raw answer is read back with the test's parser. */
function pluginStyle(base: string): Style {
  const client = axios.create()
  let raw = ""
  client.interceptors.response.use((response) => {
    raw = String(response.data)
    return response
  })
  const config = { http: client, baseUrl: base, appKey: APP_KEY, appSecret: APP_SECRET, timeoutMs: 5000 }
  return async (method, params, token) => {
    await sendRequest(config, { protocol: isPath(method) ? "rest" : "sync", method, params, accessToken: token })
    return parseBody(raw)
  }
}

const VARYING = new Set(["request_id", "access_token", "refresh_token", "expire_time", "refresh_token_valid_time"])

/** The answer with per-call values (request ids, fresh tokens and their expiry instants) blanked. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable)
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, VARYING.has(k) ? typeof v : stable(v)]))
  }
  return value
}

describe("the three SDK wire styles get the same answers", () => {
  let sandbox: SandboxHandle
  let api: TestApi
  let styles: Array<[string, Style]>
  let productId = ""

  beforeAll(async () => {
    ;({ sandbox, api } = await startTestSandbox())
    styles = [
      ["python", pythonStyle(sandbox.url)],
      ["java", javaStyle(sandbox.url)],
      ["plugin", pluginStyle(sandbox.url)],
    ]
    ;({ productId } = await listProduct(api, await uploadPng(api)))
  })

  afterAll(async () => {
    await sandbox.stop()
  })

  /** Runs one call per style; `params` may differ per style (e.g. a single-use code each). */
  async function sameAnswer(method: string, params: (style: string) => Promise<Params> | Params, token?: string) {
    const answers: Record<string, unknown> = {}
    for (const [name, style] of styles) {
      answers[name] = stable(await style(method, await params(name), token))
    }
    expect(answers.java).toEqual(answers.python)
    expect(answers.plugin).toEqual(answers.python)
    return answers.python as Record<string, any>
  }

  async function consentCode(): Promise<string> {
    const query = new URLSearchParams({ response_type: "code", client_id: APP_KEY, redirect_uri: "https://shop.example.com/cb" })
    const res = await api.http.get(`/oauth/authorize/approve?${query}`)
    return new URL(res.headers.location as string).searchParams.get("code")!
  }

  it("token create: the Python SDK's bare /rest with method=/auth/token/create works like /rest/auth/token/create", async () => {
    const answer = await sameAnswer("/auth/token/create", async () => ({ code: await consentCode() }))
    expect(answer).toMatchObject({ code: "0", access_token: "string", seller_id: "2000000001", sp: "ae" })
  })

  it("token refresh", async () => {
    const answer = await sameAnswer("/auth/token/refresh", async () => {
      const minted = await api.control("POST", "/tokens")
      return { refresh_token: minted.body.refresh_token }
    })
    expect(answer).toMatchObject({ code: "0", refresh_token: "string" })
  })

  it("a refused token call answers at the root in every style", async () => {
    const answer = await sameAnswer("/auth/token/create", () => ({ code: "3_not_a_code" }))
    expect(answer).toMatchObject({ type: "ISV", code: "InvalidCode" })
  })

  it("business reads: category tree, product, orders", async () => {
    const tree = await sameAnswer("aliexpress.solution.seller.category.tree.query", () => ({ category_id: "0" }), api.token)
    expect(tree.aliexpress_solution_seller_category_tree_query_response.is_success).toBe(true)
    const info = await sameAnswer("aliexpress.solution.product.info.get", () => ({ product_id: productId }), api.token)
    expect(String(info.aliexpress_solution_product_info_get_response.result.product_id)).toBe(productId)
    const orders = await sameAnswer("aliexpress.solution.order.get", () => ({ param0: { page_size: 10, current_page: 1 } }), api.token)
    expect(orders.aliexpress_solution_order_get_response.result.success).toBe(true)
  })

  it("an empty-valued param: signed and sent by Python, dropped by Java and the plugin", async () => {
    const jobs = await sameAnswer("aliexpress.solution.feed.list.get", () => ({ status: "", current_page: "1" }), api.token)
    expect(jobs.aliexpress_solution_feed_list_get_response).toMatchObject({ current_page: 1, total_count: 0 })
  })

  it("the bare /rest still checks the method and the signature", async () => {
    const post = (body: Record<string, string>) =>
      http.post(`${sandbox.url}/rest`, new URLSearchParams(body).toString(), { headers: FORM }).then((r) => parseBody(r.data))
    const base = { app_key: APP_KEY, sign_method: "sha256", timestamp: String(Date.now()), code: "3_x", partner_id: "" }
    expect(await post({ ...base, sign: signWithEmpty("", base) })).toMatchObject({ code: "MissingParameter" })
    const withPath = { ...base, method: "/auth/token/create" }
    const wrongPath = signWithEmpty("/auth/token/refresh", withPath)
    expect(await post({ ...withPath, sign: wrongPath })).toMatchObject({ type: "ISV", code: "IncompleteSignature" })
    expect(await post({ ...withPath, method: "/auth/teleport", sign: signWithEmpty("/auth/teleport", withPath) })).toMatchObject({ code: "InvalidApiPath" })
  })

  it("a business error is the same error_response in every style", async () => {
    const error = await sameAnswer("aliexpress.solution.product.info.get", () => ({ product_id: "1005006999999999999" }), api.token)
    expect(error.error_response).toMatchObject({ code: 15, sub_code: "isv.product-not-exist" })
  })
})
