import { inspect } from "node:util"
import {
  AliExpressAuthError,
  AliExpressClient,
  AliExpressPermanentError,
  AliExpressRetryableError,
  AliExpressTimeoutError,
  signRequest,
  type AliExpressClientOptions,
  type PostProductRequest,
  type TokenSet,
} from "../../../src/lib/aliexpress"
import { startFakeGateway, syncError, syncOk, type FakeHandler, type RecordedRequest } from "./support/fake-gateway"

const SECRET = "app-secret"
const ORDER_GET = "aliexpress.solution.order.get"
const POST = "aliexpress.solution.product.post"
const EMPTY_ORDERS = syncOk(ORDER_GET, { result: { total_count: 0, total_page: 0, current_page: 1, target_list: {} } })

const PRODUCT: PostProductRequest = {
  aliexpress_category_id: 5090301,
  language: "en",
  multi_language_subject_list: [{ language: "en", subject: "Mug" }],
  multi_language_description_list: [{ language: "en", web_detail: "<p>Mug</p>" }],
  main_image_urls_list: ["https://ae01.alicdn.com/kf/mug.jpg"],
  sku_info_list: [{ sku_code: "MUG-1", price: "9.90", inventory: 5 }],
  attribute_list: [{ attribute_name: "Brand", attribute_value: "None" }],
  package_length: 10,
  package_width: 10,
  package_height: 10,
  weight: "0.400",
  shipping_lead_time: 3,
  freight_template_id: "1000",
  product_unit: 100000015,
}

let appKeySeq = 0
let gateway: Awaited<ReturnType<typeof startFakeGateway>> | undefined
const logLines: string[] = []

async function setup(handler: FakeHandler, options: Partial<AliExpressClientOptions> = {}) {
  gateway = await startFakeGateway(handler)
  const client = new AliExpressClient({
    baseUrl: gateway.url,
    appKey: `app-${++appKeySeq}`,
    appSecret: SECRET,
    tokens: { accessToken: "access-1", refreshToken: "refresh-1" },
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    rateLimit: { callsPerSecond: 1000 },
    logger: { debug: (line) => logLines.push(line), warn: (line) => logLines.push(line) },
    ...options,
  })
  return { client, requests: gateway.requests }
}

function verifySignature(request: RecordedRequest, apiPath: string, unsigned: string[] = []) {
  const { sign, ...query } = request.query
  const body = Object.fromEntries(Object.entries(request.body).filter(([key]) => !unsigned.includes(key)))
  expect(sign).toBe(signRequest(SECRET, apiPath, { ...query, ...body }))
}

function tokenAnswer(access: string, refresh: string) {
  return {
    body: {
      code: "0",
      access_token: access,
      refresh_token: refresh,
      expires_in: 86400,
      refresh_expires_in: 172800,
      expire_time: Date.now() + 86400_000,
      refresh_token_valid_time: Date.now() + 172800_000,
      user_id: 200042362,
      seller_id: 200042362,
      user_nick: "seller",
      account: "seller@example.com",
      sp: "ae",
      request_id: "r",
    },
  }
}

afterEach(async () => {
  await gateway?.stop()
  gateway = undefined
})

afterAll(() => {
  // No log line may carry a token or the secret.
  const secrets = ["access-1", "access-2", "refresh-1", "refresh-2", "refresh-3", SECRET]
  expect(logLines.length).toBeGreaterThan(0)
  expect(logLines.filter((line) => secrets.some((secret) => line.includes(secret)))).toEqual([])
})

describe("request format", () => {
  it("sync: system params in the query, business params in a form body, signed without a path", async () => {
    const { client, requests } = await setup(() => EMPTY_ORDERS)
    await client.listOrders({ statuses: ["WAIT_SELLER_SEND_GOODS"], createdFrom: new Date("2024-07-01T12:00:00Z"), page: 2, pageSize: 20 })
    const [request] = requests
    expect(request.path).toBe("/sync")
    expect(request.contentType).toBe("application/x-www-form-urlencoded;charset=UTF-8")
    expect(request.query).toMatchObject({ app_key: `app-${appKeySeq}`, method: ORDER_GET, sign_method: "sha256", session: "access-1", format: "json", v: "2.0" })
    expect(Math.abs(Number(request.query.timestamp) - Date.now())).toBeLessThan(60_000)
    expect(JSON.parse(request.body.param0)).toEqual({
      create_date_start: "2024-07-01 05:00:00",
      order_status_list: ["WAIT_SELLER_SEND_GOODS"],
      page_size: 20,
      current_page: 2,
    })
    expect(request.query.simplify).toBeUndefined()
    verifySignature(request, "")
  })

  it("rest: /rest<path>, no method param, signed with the path prefix", async () => {
    const { client, requests } = await setup(() => tokenAnswer("access-2", "refresh-2"))
    const tokens = await client.createToken("3_500102_code")
    const [request] = requests
    expect(request.path).toBe("/rest/auth/token/create")
    expect(request.query.method).toBeUndefined()
    expect(request.query.session).toBeUndefined()
    expect(request.body).toEqual({ code: "3_500102_code" })
    verifySignature(request, "/auth/token/create")
    expect(tokens).toMatchObject({ accessToken: "access-2", refreshToken: "refresh-2", sellerId: "200042362", userId: "200042362", userNick: "seller", account: "seller@example.com" })
    expect(tokens.accessTokenExpiresAt.getTime()).toBeGreaterThan(Date.now())
    expect(client.tokens?.accessToken).toBe("access-2")
  })

  it("image upload: multipart with an unsigned image_bytes part", async () => {
    const method = "aliexpress.photobank.redefining.uploadimageforsdk"
    const { client, requests } = await setup(() => syncOk(method, { result: { is_success: true, photobank_url: "https://ae01.alicdn.com/kf/x.jpg" } }))
    const result = await client.uploadImage({ fileName: "mug.jpg", bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) })
    expect(result).toEqual({ url: "https://ae01.alicdn.com/kf/x.jpg" })
    const [request] = requests
    expect(request.contentType).toMatch(/^multipart\/form-data; boundary=/)
    expect(request.rawBody).toContain('name="image_bytes"; filename="mug.jpg"')
    expect(request.rawBody).toContain('name="file_name"')
    const { sign, ...query } = request.query
    expect(sign).toBe(signRequest(SECRET, "", { ...query, file_name: "mug.jpg" }))
  })

  it("JSON params carry big ids as exact bare numbers", async () => {
    // Raw text: a JS number literal could not hold this id.
    const body =
      '{"aliexpress_solution_batch_product_price_update_response":{"update_success":true,' +
      '"update_successful_list":{"synchronize_product_response_dto":[{"product_id":23453463456346546}]}}}'
    const { client, requests } = await setup(() => ({ body }))
    const result = await client.updatePrices([{ productId: "23453463456346546", skus: [{ skuCode: "A", price: "10.00", discountPrice: "8.50" }] }])
    expect(requests[0].body.mutiple_product_update_list).toBe(
      '[{"product_id":23453463456346546,"multiple_sku_update_list":[{"sku_code":"A","price":"10.00","discount_price":"8.50"}]}]'
    )
    expect(result.succeeded).toEqual(["23453463456346546"])
  })

  it("rejects batches above the AliExpress limits before sending", async () => {
    const { client, requests } = await setup(() => EMPTY_ORDERS)
    const many = Array.from({ length: 21 }, (_, i) => ({ productId: String(i), skus: [{ skuCode: "A", inventory: 1 }] }))
    await expect(client.updateInventory(many)).rejects.toMatchObject({ code: "InvalidArgument" })
    const wide = [{ productId: "1", skus: Array.from({ length: 201 }, (_, i) => ({ skuCode: `S${i}`, price: "1" })) }]
    await expect(client.updatePrices(wide)).rejects.toBeInstanceOf(AliExpressPermanentError)
    await expect(client.deleteProducts(Array.from({ length: 101 }, (_, i) => String(i)))).rejects.toMatchObject({ code: "InvalidArgument" })
    expect(requests).toHaveLength(0)
  })
})

describe("retries", () => {
  it("retries retryable failures and then succeeds", async () => {
    const { client, requests } = await setup((_, index) =>
      index === 0 ? { status: 503, body: "Service Unavailable" } : index === 1 ? syncError({ code: 15, sub_code: "isp.50001", sub_msg: "busy" }) : EMPTY_ORDERS
    )
    await expect(client.listOrders()).resolves.toMatchObject({ orders: [] })
    expect(requests).toHaveLength(3)
  })

  it("stops at maxAttempts and throws the last retryable error", async () => {
    const { client, requests } = await setup(() => ({ status: 500, body: "<html>oops</html>" }), { retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 } })
    const error = await client.listOrders().catch((e) => e)
    expect(error).toBeInstanceOf(AliExpressRetryableError)
    expect(error).toMatchObject({ code: "HTTP_500", httpStatus: 500 })
    expect(requests).toHaveLength(3)
  })

  it("does not retry permanent errors", async () => {
    const { client, requests } = await setup(() => syncError({ code: 15, sub_code: "isv.invalid-parameter", sub_msg: "page_size" }))
    await expect(client.listOrders()).rejects.toMatchObject({ subCode: "isv.invalid-parameter", retryable: false })
    expect(requests).toHaveLength(1)
  })

  it("an unparseable 200 body is retried for reads", async () => {
    const { client, requests } = await setup((_, index) => (index === 0 ? { body: "{not json" } : EMPTY_ORDERS))
    await expect(client.listOrders()).resolves.toBeDefined()
    expect(requests).toHaveLength(2)
  })

  it("network errors are retryable and carry no token", async () => {
    const { client } = await setup(() => EMPTY_ORDERS, { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } })
    await gateway!.stop()
    const error = await client.listOrders().catch((e) => e)
    expect(error).toBeInstanceOf(AliExpressRetryableError)
    expect(error).toMatchObject({ code: "ECONNREFUSED", ambiguous: false })
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain("access-1")
  })

  it("reads are retried after a timeout", async () => {
    const { client, requests } = await setup((_, index) => (index < 2 ? { ...EMPTY_ORDERS, delayMs: 400 } : EMPTY_ORDERS), { timeoutMs: 100 })
    await expect(client.listOrders()).resolves.toBeDefined()
    expect(requests).toHaveLength(3)
  })

  it("a write that timed out is thrown as ambiguous, not re-posted", async () => {
    const { client, requests } = await setup(() => ({ ...syncOk(POST, { result: { product_id: 1 } }), delayMs: 400 }), { timeoutMs: 100 })
    const error = await client.postProduct(PRODUCT).catch((e) => e)
    expect(error).toBeInstanceOf(AliExpressTimeoutError)
    expect(error.ambiguous).toBe(true)
    expect(requests).toHaveLength(1)
  })

  it("a write is retried after ApiCallLimit and after a system error (neither executed it)", async () => {
    const { client, requests } = await setup((_, index) =>
      index === 0
        ? syncError({ type: "ISV", code: "ApiCallLimit", msg: "API access frequently exceeds the limit. This ban will last 0 seconds" })
        : index === 1
          ? syncError({ code: 15, sub_code: "F00-10-10000-001", sub_msg: "system error" })
          : { body: '{"aliexpress_solution_product_post_response":{"result":{"product_id":1005001234567890123,"success":true}}}' }
    )
    await expect(client.postProduct(PRODUCT)).resolves.toEqual({ productId: "1005001234567890123" })
    expect(requests).toHaveLength(3)
    expect(JSON.parse(requests[2].body.post_product_request)).toMatchObject({ sku_info_list: [{ sku_code: "MUG-1", price: "9.90" }] })
  })

  it("a business failure inside the envelope is permanent and keeps its code", async () => {
    const { client, requests } = await setup(() =>
      syncOk(POST, { result: { success: false, error_code: "F00-00-10007-007", error_message: "duplicate sku_code" } })
    )
    await expect(client.postProduct(PRODUCT)).rejects.toMatchObject({ code: "F00-00-10007-007", retryable: false })
    expect(requests).toHaveLength(1)
  })
})

describe("tokens", () => {
  it("refreshes once on IllegalAccessToken, retries once, and reports the rotated refresh token", async () => {
    const reported: TokenSet[] = []
    const { client, requests } = await setup(
      (request) => {
        if (request.api === "/auth/token/refresh") {
          return tokenAnswer("access-2", "refresh-2")
        }
        return request.query.session === "access-2" ? EMPTY_ORDERS : syncError({ type: "ISV", code: "IllegalAccessToken", msg: "expired" })
      },
      { onTokensRefreshed: (tokens) => void reported.push(tokens) }
    )
    await expect(client.listOrders()).resolves.toBeDefined()
    expect(requests.map((r) => r.api)).toEqual([ORDER_GET, "/auth/token/refresh", ORDER_GET])
    expect(requests[1].body).toEqual({ refresh_token: "refresh-1" })
    expect(reported.map((t) => [t.accessToken, t.refreshToken])).toEqual([["access-2", "refresh-2"]])
    expect(client.tokens).toMatchObject({ accessToken: "access-2", refreshToken: "refresh-2" })
  })

  it("gives up after one refresh when the new token is rejected too", async () => {
    const { client, requests } = await setup((request) =>
      request.api === "/auth/token/refresh" ? tokenAnswer("access-2", "refresh-2") : syncError({ type: "ISV", code: "IllegalAccessToken", msg: "no" })
    )
    await expect(client.listOrders()).rejects.toBeInstanceOf(AliExpressAuthError)
    expect(requests.map((r) => r.api)).toEqual([ORDER_GET, "/auth/token/refresh", ORDER_GET])
  })

  it("refreshes ahead of expiry, once for concurrent calls", async () => {
    const reported: TokenSet[] = []
    const { client, requests } = await setup(
      (request) => (request.api === "/auth/token/refresh" ? { ...tokenAnswer("access-2", "refresh-3"), delayMs: 50 } : EMPTY_ORDERS),
      {
        tokens: {
          accessToken: "access-1",
          refreshToken: "refresh-1",
          accessTokenExpiresAt: new Date(Date.now() + 60_000),
          refreshTokenExpiresAt: new Date(Date.now() + 86400_000),
        },
        onTokensRefreshed: (tokens) => void reported.push(tokens),
      }
    )
    await Promise.all([client.listOrders(), client.listOrders(), client.listOrders()])
    const refreshes = requests.filter((r) => r.api === "/auth/token/refresh")
    expect(refreshes).toHaveLength(1)
    expect(requests.filter((r) => r.api === ORDER_GET).map((r) => r.query.session)).toEqual(["access-2", "access-2", "access-2"])
    expect(reported).toHaveLength(1)
    expect(reported[0].refreshToken).toBe("refresh-3")
  })

  it("does not refresh a token far from expiry, nor with an expired refresh token", async () => {
    const { client, requests } = await setup(() => EMPTY_ORDERS, {
      tokens: {
        accessToken: "access-1",
        refreshToken: "refresh-1",
        accessTokenExpiresAt: new Date(Date.now() + 60_000),
        refreshTokenExpiresAt: new Date(Date.now() - 1),
      },
    })
    await client.listOrders()
    client.setTokens({ accessToken: "access-1", refreshToken: "refresh-1", accessTokenExpiresAt: new Date(Date.now() + 3600_000) })
    await client.listOrders()
    expect(requests.map((r) => r.api)).toEqual([ORDER_GET, ORDER_GET])
  })

  it("fails fast without tokens", async () => {
    const { client, requests } = await setup(() => EMPTY_ORDERS, { tokens: undefined })
    await expect(client.listOrders()).rejects.toMatchObject({ code: "MissingAccessToken" })
    expect(requests).toHaveLength(0)
  })

  it("an IllegalRefreshToken during refresh surfaces as an auth error", async () => {
    const { client } = await setup((request) =>
      request.api === "/auth/token/refresh"
        ? { body: { type: "ISV", code: "IllegalRefreshToken", message: "invalid", request_id: "r" } }
        : syncError({ type: "ISV", code: "IllegalAccessToken", msg: "expired" })
    )
    await expect(client.listOrders()).rejects.toMatchObject({ code: "IllegalRefreshToken" })
  })
})
