import fs from "node:fs"
import http from "node:http"
import { AddressInfo } from "node:net"
import os from "node:os"
import path from "node:path"
import { SandboxHandle } from "../../../src/sandbox"
import { APP_KEY, POST, TestApi, errorOf, listProduct, payload, productDto, startTestSandbox, uploadPng } from "./helpers"

const SEEDED = "2000000001"
const LIST = "aliexpress.solution.product.list.get"
const INFO = "aliexpress.solution.product.info.get"
const STOCK = "aliexpress.solution.batch.product.inventory.update"
const ORDERS = "aliexpress.solution.order.get"
const ORDER_INFO = "aliexpress.solution.order.info.get"
const FULFILL = "aliexpress.solution.order.fulfill"
const PROFILE = "aliexpress.solution.merchant.profile.get"
const TREE = "aliexpress.solution.seller.category.tree.query"
const REDIRECT = "https://merchant.example.com/aliexpress/callback"

/** A client holding a token of `sellerId`, minted through the control API. */
async function apiOf(sandbox: SandboxHandle, sellerId: string): Promise<TestApi> {
  const api = new TestApi(sandbox.url)
  const minted = await api.control("POST", "/tokens", { seller_id: sellerId })
  expect(minted.status).toBe(200)
  expect(minted.body.seller_id).toBe(sellerId)
  api.token = minted.body.access_token
  return api
}

const onSellingIds = async (api: TestApi): Promise<string[]> => {
  const query = { product_status_type: "onSelling", page_size: 50, current_page: 1 }
  const result = payload(await api.call(LIST, { aeop_a_e_product_list_query: query }), LIST).result
  return (result.aeop_a_e_product_display_d_t_o_list?.item_display_dto ?? []).map((p: any) => String(p.product_id))
}

const orderIds = async (api: TestApi): Promise<string[]> => {
  const result = payload(await api.call(ORDERS, { param0: { page_size: 50, current_page: 1 } }), ORDERS).result
  return (result.target_list?.order_dto ?? []).map((o: any) => String(o.order_id))
}

const authorizeQuery = (extra: Record<string, string> = {}): string =>
  new URLSearchParams({ response_type: "code", client_id: APP_KEY, redirect_uri: REDIRECT, state: "s", ...extra }).toString()

describe("sandbox with several sellers", () => {
  let sandbox: SandboxHandle
  let seeded: TestApi
  let second: TestApi
  let secondId: string
  let seededProduct: { productId: string; skus: string[] }
  let secondProduct: { productId: string; skus: string[] }
  let secondImage: string

  beforeAll(async () => {
    ;({ sandbox, api: seeded } = await startTestSandbox())
  })

  afterAll(async () => {
    await sandbox.stop()
  })

  it("creates a seller with an empty shop and refuses a taken or malformed nick", async () => {
    const created = await seeded.control("POST", "/sellers", { nick: "second-shop" })
    expect(created.status).toBe(200)
    expect(created.body).toEqual({ seller_id: expect.stringMatching(/^\d+$/), user_nick: "second-shop" })
    secondId = created.body.seller_id
    expect(secondId).not.toBe(SEEDED)

    const state = (await seeded.control("GET", `/state?seller_id=${secondId}`)).body
    expect(state).toMatchObject({ products: [], orders: [], feed_jobs: [], images: 0, tokens: 0 })
    expect(state.seller).toEqual({ seller_id: secondId, user_nick: "second-shop" })

    const unnamed = await seeded.control("POST", "/sellers")
    expect(unnamed.body.user_nick).toBe(`seller-${unnamed.body.seller_id}`)

    const taken = await seeded.control("POST", "/sellers", { nick: "second-shop" })
    expect(taken.status).toBe(409)
    expect(taken.body.error.message).toContain("second-shop")
    const malformed = await seeded.control("POST", "/sellers", { nick: "two words" })
    expect(malformed.status).toBe(400)
    expect(malformed.body.error.message).toMatch(/^nick: /)
  })

  it("mints tokens per seller that act for that seller only", async () => {
    second = await apiOf(sandbox, secondId)
    const profile = payload(await second.call(PROFILE), PROFILE)
    expect(profile).toMatchObject({ merchant_login_id: "second-shop", shop_name: "second-shop Store" })
    expect(payload(await seeded.call(PROFILE), PROFILE).merchant_login_id).toBe("demo-seller")
  })

  it("keeps each seller's products, SKU codes and image bank to itself", async () => {
    const seededImage = await uploadPng(seeded)
    secondImage = await uploadPng(second)
    seededProduct = await listProduct(seeded, seededImage)
    secondProduct = await listProduct(second, secondImage)
    expect(secondProduct.productId).not.toBe(seededProduct.productId)

    expect(await onSellingIds(seeded)).toEqual([seededProduct.productId])
    expect(await onSellingIds(second)).toEqual([secondProduct.productId])

    // Another seller's product answers exactly as a product that does not exist.
    const foreign = errorOf(await second.call(INFO, { product_id: seededProduct.productId }))
    const unknown = errorOf(await second.call(INFO, { product_id: "1005006999999999999" }))
    expect(foreign.sub_code).toBe("isv.product-not-exist")
    expect(foreign.sub_msg).toBe(unknown.sub_msg.replace("1005006999999999999", seededProduct.productId))
    expect(payload(await second.call(INFO, { product_id: secondProduct.productId }), INFO).result.owner_member_id).toBe("second-shop")

    const stock = payload(
      await second.call(STOCK, {
        mutiple_product_update_list: [{ product_id: seededProduct.productId, multiple_sku_update_list: [{ sku_code: seededProduct.skus[0], inventory: 1 }] }],
      }),
      STOCK
    )
    expect(stock.update_successful_list).toBeUndefined()
    expect(stock.update_failed_list.synchronize_product_response_dto[0]).toMatchObject({ error_code: "isv.product-not-exist" })
    const seededSku = (await seeded.control("GET", "/state")).body.products[0].skus[0]
    expect(seededSku.inventory).toBe(10)

    // An image in one seller's bank is not in another's; a SKU code may be used by both sellers.
    const borrowed = errorOf(await second.call(POST, { post_product_request: productDto(seededImage) }))
    expect(borrowed.sub_msg).toContain("main_image_urls_list[0]")
    const sameSku = productDto(secondImage)
    sameSku.sku_info_list[0].sku_code = seededProduct.skus[0]
    expect(payload(await second.call(POST, { post_product_request: sameSku }), POST).result.product_id).toBeDefined()
  })

  it("places orders per seller and shows each seller only its own", async () => {
    const forSecond = await seeded.control("POST", "/orders", { seller_id: secondId, items: [{ sku_code: secondProduct.skus[1], quantity: 1 }] })
    expect(forSecond.status).toBe(200)
    const forSeeded = await seeded.control("POST", "/orders", { items: [{ sku_code: seededProduct.skus[1], quantity: 1 }] })
    expect(forSeeded.status).toBe(200)
    expect(forSecond.body.order_id).not.toBe(forSeeded.body.order_id)

    const wrongShop = await seeded.control("POST", "/orders", { seller_id: secondId, items: [{ sku_code: seededProduct.skus[1], quantity: 1 }] })
    expect(wrongShop.status).toBe(400)
    expect(wrongShop.body.error.code).toBe("unknown_sku")

    expect(await orderIds(second)).toEqual([forSecond.body.order_id])
    expect(await orderIds(seeded)).toEqual([forSeeded.body.order_id])

    const foreign = errorOf(await seeded.call(ORDER_INFO, { param1: { order_id: forSecond.body.order_id } }))
    const unknown = errorOf(await seeded.call(ORDER_INFO, { param1: { order_id: "8200000000099999999" } }))
    expect(foreign.sub_code).toBe("isv.order-not-exist")
    expect(foreign.sub_msg).toBe(unknown.sub_msg.replace("8200000000099999999", forSecond.body.order_id))
    const ship = { out_ref: forSecond.body.order_id, send_type: "all", service_name: "DHL", logistics_no: "5556667778" }
    expect(errorOf(await seeded.call(FULFILL, ship)).sub_code).toBe("isv.order-not-exist")
    expect((await seeded.control("GET", `/state?seller_id=${secondId}`)).body.orders[0].status).toBe("WAIT_SELLER_SEND_GOODS")

    // The buyer's status changes find the order in whichever seller has it.
    const cancelled = await seeded.control("POST", `/orders/${forSecond.body.order_id}/status`, { action: "cancel" })
    expect(cancelled.body).toEqual({ order_id: forSecond.body.order_id, status: "IN_CANCEL" })
    const secondSkus = (await seeded.control("GET", `/state?seller_id=${secondId}`)).body.products[0].skus
    expect(secondSkus[1].inventory).toBe(5)
  })

  it("lists the sellers on the consent page, preselects seller_id and binds the code to the chosen seller", async () => {
    const plain = await seeded.http.get(`/oauth/authorize?${authorizeQuery()}`)
    expect(plain.status).toBe(200)
    expect(plain.data).toContain("demo-seller")
    expect(plain.data).toContain("second-shop")
    expect(plain.data).toMatch(new RegExp(`name="seller_id" value="${SEEDED}"[^>]* checked`))

    const preselected = await seeded.http.get(`/oauth/authorize?${authorizeQuery({ seller_id: secondId })}`)
    expect(preselected.data).toMatch(new RegExp(`name="seller_id" value="${secondId}"[^>]* checked`))
    expect(preselected.data).not.toMatch(new RegExp(`name="seller_id" value="${SEEDED}"[^>]* checked`))

    const unknown = await seeded.http.get(`/oauth/authorize?${authorizeQuery({ seller_id: "999" })}`)
    expect(unknown.status).toBe(400)
    expect(unknown.data).toContain("seller_id 999")

    // The form posts the chosen radio; the token exchanged for its code is that seller's.
    const approved = await seeded.http.post("/oauth/authorize", `${authorizeQuery({ seller_id: secondId })}&action=approve`, {
      headers: { "content-type": "application/x-www-form-urlencoded" },
    })
    expect(approved.status).toBe(302)
    const code = new URL(approved.headers.location as string).searchParams.get("code")!
    const token = await seeded.rest("/auth/token/create", { code })
    expect(token.body).toMatchObject({ code: "0", seller_id: secondId, user_id: secondId, user_nick: "second-shop" })
    expect(await onSellingIds(Object.assign(new TestApi(sandbox.url), { token: token.body.access_token }))).toContain(secondProduct.productId)

    const refreshed = await seeded.rest("/auth/token/refresh", { refresh_token: token.body.refresh_token })
    expect(refreshed.body).toMatchObject({ code: "0", seller_id: secondId, user_nick: "second-shop" })
    const afterRefresh = Object.assign(new TestApi(sandbox.url), { token: refreshed.body.access_token })
    expect(await onSellingIds(afterRefresh)).not.toContain(seededProduct.productId)

    // The approve link keeps seller_id as well.
    const link = await seeded.http.get(`/oauth/authorize/approve?${authorizeQuery({ seller_id: secondId })}`)
    const linkCode = new URL(link.headers.location as string).searchParams.get("code")!
    expect((await seeded.rest("/auth/token/create", { code: linkCode })).body.seller_id).toBe(secondId)
  })

  it("pushes order changes with the seller_id of the order's seller", async () => {
    const bodies: any[] = []
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on("data", (c) => chunks.push(c))
      req.on("end", () => {
        bodies.push(JSON.parse(Buffer.concat(chunks).toString("utf8")))
        res.end("ok")
      })
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    try {
      await seeded.control("POST", "/config", { pushUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` })
      const a = await seeded.control("POST", "/orders", { seller_id: secondId, items: [{ sku_code: secondProduct.skus[0], quantity: 1 }] })
      const b = await seeded.control("POST", "/orders", { items: [{ sku_code: seededProduct.skus[0], quantity: 1 }] })
      for (let i = 0; i < 100 && bodies.length < 2; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      const sellerOf = Object.fromEntries(bodies.map((m) => [m.data.order_id, m.seller_id]))
      expect(sellerOf).toEqual({ [a.body.order_id]: secondId, [b.body.order_id]: SEEDED })
      expect((await seeded.control("GET", `/state?seller_id=${secondId}`)).body.pushes).toEqual({ sent: 1, failed: 0 })
    } finally {
      await seeded.control("POST", "/config", { pushUrl: null })
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it("shows one seller in the state, lists all sellers, and answers 404 for an unknown seller_id", async () => {
    const plain = (await seeded.control("GET", "/state")).body
    expect(plain.seller).toEqual({ seller_id: SEEDED, user_nick: "demo-seller" })
    expect(plain.products.map((p: any) => p.product_id)).toEqual([seededProduct.productId])
    expect(plain.sellers).toEqual(
      expect.arrayContaining([
        { seller_id: SEEDED, user_nick: "demo-seller" },
        { seller_id: secondId, user_nick: "second-shop" },
      ])
    )
    const other = (await seeded.control("GET", `/state?seller_id=${secondId}`)).body
    expect(other.products.map((p: any) => p.product_id)).not.toContain(seededProduct.productId)
    expect(other.calls[LIST]).toBeGreaterThan(0)
    expect(other.tokens).toBeGreaterThanOrEqual(3)

    for (const [method, route, body] of [
      ["GET", "/state?seller_id=999", undefined],
      ["POST", "/tokens", { seller_id: "999" }],
      ["POST", "/orders", { seller_id: "999", items: [{ sku_code: "x", quantity: 1 }] }],
    ] as const) {
      const answer = await seeded.control(method, route, body)
      expect(answer.status).toBe(404)
      expect(answer.body.error).toEqual({ code: "seller_not_found", message: "seller_id 999 does not exist" })
    }
    const malformed = await seeded.control("GET", "/state?seller_id=abc")
    expect(malformed.status).toBe(400)
    expect(malformed.body.error.message).toBe("seller_id: must be a numeric seller id")
  })

  it("limits calls per app and seller: one seller's ban leaves the other's calls through", async () => {
    await seeded.control("POST", "/config", { rateLimitPerSecond: { [TREE]: 2 }, banMs: 1000 })
    try {
      const answers = []
      for (let i = 0; i < 3; i++) {
        answers.push(await seeded.call(TREE, { category_id: "0" }))
      }
      expect(errorOf(answers[2]).code).toBe("ApiCallLimit")
      expect(payload(await second.call(TREE, { category_id: "0" }), TREE).is_success).toBe(true)
      expect(errorOf(await seeded.call(TREE, { category_id: "0" })).code).toBe("ApiCallLimit")
    } finally {
      await seeded.control("POST", "/config", { rateLimitPerSecond: 0 })
    }
  })

  it("resets to the seeded seller only", async () => {
    const reset = await seeded.control("POST", "/reset", {})
    expect(reset.status).toBe(200)
    const state = (await seeded.control("GET", "/state")).body
    expect(state.sellers).toEqual([{ seller_id: SEEDED, user_nick: "demo-seller" }])
    expect(state.products).toEqual([])
    expect((await seeded.control("GET", `/state?seller_id=${secondId}`)).status).toBe(404)
    expect(errorOf(await second.call(TREE, { category_id: "0" })).code).toBe("IllegalAccessToken")
    expect(payload(await seeded.call(TREE, { category_id: "0" }), TREE).is_success).toBe(true)
  })
})

describe("sandbox sellers on disk", () => {
  let dir: string

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ae-sandbox-sellers-"))
  })

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it("saves every seller and loads them with their tokens, products and orders", async () => {
    const dataFile = path.join(dir, "state.json")
    const first = await startTestSandbox({ dataFile })
    const sellerId = (await first.api.control("POST", "/sellers", { nick: "disk-shop" })).body.seller_id
    const api = await apiOf(first.sandbox, sellerId)
    const { productId, skus } = await listProduct(api, await uploadPng(api))
    const order = await api.control("POST", "/orders", { seller_id: sellerId, items: [{ sku_code: skus[0], quantity: 1 }] })
    await first.sandbox.stop()

    const second = await startTestSandbox({ dataFile })
    try {
      const again = Object.assign(new TestApi(second.sandbox.url), { token: api.token })
      expect(await onSellingIds(again)).toEqual([productId])
      expect(await orderIds(again)).toEqual([order.body.order_id])
      expect(await onSellingIds(second.api)).toEqual([])
      const state = (await again.control("GET", `/state?seller_id=${sellerId}`)).body
      expect(state.seller).toEqual({ seller_id: sellerId, user_nick: "disk-shop" })
      const created = await again.control("POST", "/sellers", {})
      expect(BigInt(created.body.seller_id)).toBe(BigInt(sellerId) + 1n)
    } finally {
      await second.sandbox.stop()
    }
  })

  it("loads a single-seller file as the seeded seller", async () => {
    const dataFile = path.join(dir, "state.json")
    const first = await startTestSandbox({ dataFile })
    const { productId, skus } = await listProduct(first.api, await uploadPng(first.api))
    const order = await first.api.control("POST", "/orders", { items: [{ sku_code: skus[0], quantity: 1 }] })
    await first.sandbox.stop()

    // Rewrite the file in the layout written before sellers existed: one shop at the root, no seller ids.
    const saved = JSON.parse(fs.readFileSync(dataFile, "utf8"))
    const shop = saved.sellers[0]
    const withoutSeller = (records: Record<string, any>) =>
      Object.fromEntries(Object.entries(records).map(([key, { seller_id: _, ...rest }]) => [key, rest]))
    const single = {
      version: 1,
      seed: saved.seed,
      clock_offset_ms: saved.clock_offset_ms,
      next_product_id: saved.next_product_id,
      next_order_id: saved.next_order_id,
      next_child_id: saved.next_child_id,
      next_job_id: saved.next_job_id,
      products: shop.products,
      orders: shop.orders,
      access_tokens: withoutSeller(saved.access_tokens),
      refresh_tokens: withoutSeller(saved.refresh_tokens),
      codes: withoutSeller(saved.codes),
      images: shop.images,
      feed_jobs: shop.feed_jobs,
      calls: shop.calls,
      rejected_calls: shop.rejected_calls,
    }
    fs.writeFileSync(dataFile, JSON.stringify(single))

    const second = await startTestSandbox({ dataFile })
    try {
      const again = Object.assign(new TestApi(second.sandbox.url), { token: first.api.token })
      expect(payload(await again.call(INFO, { product_id: productId }), INFO).result.owner_member_id).toBe("demo-seller")
      const state = (await again.control("GET", "/state")).body
      expect(state.seller.seller_id).toBe(SEEDED)
      expect(state.orders.map((o: any) => o.order_id)).toEqual([order.body.order_id])
      expect(state.sellers).toHaveLength(1)
    } finally {
      await second.sandbox.stop()
    }
  })
})
