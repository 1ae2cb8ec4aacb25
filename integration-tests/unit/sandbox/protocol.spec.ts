import { SandboxHandle } from "../../../src/sandbox"
import { APP_SECRET, TestApi, errorOf, payload, sign, startTestSandbox, uploadPng, listProduct } from "./helpers"

const TREE = "aliexpress.solution.seller.category.tree.query"

describe("sandbox protocol", () => {
  let sandbox: SandboxHandle
  let api: TestApi

  beforeAll(async () => {
    ;({ sandbox, api } = await startTestSandbox())
  })

  afterAll(async () => {
    await sandbox.stop()
  })

  it("signs like the documented test vectors", () => {
    expect(
      sign("helloworld", "/order/get", {
        access_token: "test",
        app_key: "123456",
        order_id: "1234",
        sign_method: "sha256",
        timestamp: "1517820392000",
      })
    ).toBe("4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A")
    expect(
      sign("helloworld", "/auth/token/create", {
        app_key: "12345678",
        code: "3_500102_JxZ05Ux3cnnSSUm6dCxYg6Q26",
        sign_method: "sha256",
        timestamp: "1517820392000",
      })
    ).toBe("35607762342831B6A417A0DED84B79C05FEFBF116969C48AD6DC00279A9F4D81")
  })

  it("accepts a sha256-signed call with params in the body", async () => {
    const answer = await api.call(TREE, { category_id: "0" })
    expect(answer.status).toBe(200)
    const body = payload(answer, TREE)
    expect(body.is_success).toBe(true)
    expect(body.request_id).toEqual(expect.any(String))
    expect(body.children_category_list.category_info.length).toBeGreaterThan(0)
  })

  it("merges system params in the query string with business params in the body", async () => {
    const answer = await api.call(TREE, { category_id: "0" }, { systemInQuery: true })
    expect(payload(answer, TREE).is_success).toBe(true)
  })

  it("accepts the legacy md5 signature", async () => {
    const answer = await api.call(TREE, { category_id: "0" }, { signMethod: "md5" })
    expect(payload(answer, TREE).is_success).toBe(true)
  })

  it("rejects a wrong signature with IncompleteSignature (HTTP 200)", async () => {
    const answer = await api.call(TREE, { category_id: "0" }, { tamper: true })
    expect(answer.status).toBe(200)
    expect(errorOf(answer)).toMatchObject({ type: "ISV", code: "IncompleteSignature" })
    expect(errorOf(answer).request_id).toEqual(expect.any(String))
  })

  it("rejects a signature made with another secret", async () => {
    const answer = await api.call(TREE, { category_id: "0" }, { secret: "not-the-secret" })
    expect(errorOf(answer).code).toBe("IncompleteSignature")
  })

  it("rejects an unknown app_key", async () => {
    const answer = await api.call(TREE, { category_id: "0" }, { appKey: "999" })
    expect(errorOf(answer).code).toBe("InvalidAppKey")
  })

  it("accepts ISO timestamps and rejects ones outside the window", async () => {
    const iso = await api.call(TREE, { category_id: "0" }, { timestamp: new Date().toISOString() })
    expect(payload(iso, TREE).is_success).toBe(true)
    const old = await api.call(TREE, { category_id: "0" }, { timestamp: String(Date.now() - 7201_000) })
    expect(errorOf(old).code).toBe("InvalidTimestamp")
    const future = await api.call(TREE, { category_id: "0" }, { timestamp: new Date(Date.now() + 7300_000).toISOString() })
    expect(errorOf(future).code).toBe("InvalidTimestamp")
  })

  it("answers InvalidApiPath for an unknown method", async () => {
    const answer = await api.call("aliexpress.solution.product.teleport", {})
    expect(errorOf(answer)).toMatchObject({ type: "ISV", code: "InvalidApiPath" })
  })

  it("answers MissingParameter for missing system and business params", async () => {
    expect(errorOf(await api.call(TREE, {}, { omit: ["timestamp"] })).code).toBe("MissingParameter")
    expect(errorOf(await api.call(TREE, {}, { token: null })).code).toBe("MissingParameter")
    const missing = errorOf(await api.call(TREE, {}))
    expect(missing.code).toBe("MissingParameter")
    expect(missing.msg).toContain("category_id")
  })

  it("accepts the token as access_token too and rejects unknown or expired tokens", async () => {
    const direct = await api.call(TREE, { category_id: "0", access_token: api.token }, { token: null })
    expect(payload(direct, TREE).is_success).toBe(true)
    expect(errorOf(await api.call(TREE, { category_id: "0" }, { token: "50000nope" })).code).toBe("IllegalAccessToken")
    const shortLived = await api.control("POST", "/tokens", { access_ttl_sec: 60 })
    const token = shortLived.body.access_token
    expect(payload(await api.call(TREE, { category_id: "0" }, { token }), TREE).is_success).toBe(true)
    await api.control("POST", "/clock", { advance_ms: 61_000 })
    expect(errorOf(await api.call(TREE, { category_id: "0" }, { token })).code).toBe("IllegalAccessToken")
  })

  it("answers without the wrapper and with plain arrays when simplify=true", async () => {
    const answer = await api.call(TREE, { category_id: "0" }, { simplify: true })
    expect(answer.body.aliexpress_solution_seller_category_tree_query_response).toBeUndefined()
    expect(Array.isArray(answer.body.children_category_list)).toBe(true)
    expect(answer.body.children_category_list[0]).toHaveProperty("children_category_id")
  })

  it("writes ids beyond 2^53 as bare JSON numbers", async () => {
    const image = await uploadPng(api)
    const { productId } = await listProduct(api, image)
    expect(BigInt(productId) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true)
    const answer = await api.call("aliexpress.solution.product.info.get", { product_id: productId })
    expect(answer.text).toContain(`"product_id":${productId}`)
    expect(answer.text).not.toContain(`"product_id":"${productId}"`)
    const parsed = JSON.parse(answer.text)
    expect(String(parsed.aliexpress_solution_product_info_get_response.result.product_id)).not.toBe(productId)
  })

  it("limits calls per second per method and bans with ApiCallLimit", async () => {
    await api.control("POST", "/config", { rateLimitPerSecond: { [TREE]: 3 }, banMs: 300 })
    const answers = await Promise.all(Array.from({ length: 6 }, () => api.call(TREE, { category_id: "0" })))
    const limited = answers.filter((a) => a.body.error_response?.code === "ApiCallLimit")
    expect(answers.length - limited.length).toBe(3)
    expect(limited[0].body.error_response.msg).toBe(
      "API access frequently exceeds the limit. This ban will last 1 seconds"
    )
    const other = await api.call("aliexpress.freight.redefining.listfreighttemplate", {})
    expect(payload(other, "aliexpress.freight.redefining.listfreighttemplate").result_success).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect(payload(await api.call(TREE, { category_id: "0" }), TREE).is_success).toBe(true)
    await api.control("POST", "/config", { rateLimitPerSecond: 0 })
  })

  it("counts calls and rejections in the state", async () => {
    const state = await api.control("GET", "/state")
    expect(state.body.calls[TREE]).toBeGreaterThan(5)
    expect(state.body.rejected_calls.IncompleteSignature).toBeGreaterThan(0)
    expect(APP_SECRET).not.toBe("")
  })
})
