import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { SandboxHandle } from "../../../src/sandbox"
import { formatPacific, parsePacific } from "../../../src/sandbox/pacific-time"
import { POST, TestApi, errorOf, listProduct, payload, productDto, startTestSandbox, uploadPng } from "./helpers"

const TREE = "aliexpress.solution.seller.category.tree.query"

describe("sandbox faults and control API", () => {
  let sandbox: SandboxHandle
  let api: TestApi
  let image: string

  beforeAll(async () => {
    ;({ sandbox, api } = await startTestSandbox())
    image = await uploadPng(api)
  })

  afterAll(async () => {
    await sandbox.stop()
  })

  afterEach(async () => {
    await api.control("POST", "/faults", {})
  })

  const productCount = async () => (await api.control("GET", "/state")).body.products.length

  it("error_rate answers retryable system errors and commits nothing", async () => {
    await api.control("POST", "/faults", { error_rate: 1 })
    const before = await productCount()
    const answers = await Promise.all(Array.from({ length: 16 }, () => api.call(POST, { post_product_request: productDto(image) })))
    const http500 = answers.filter((a) => a.status === 500)
    const isp = answers.filter((a) => a.status === 200 && a.body?.error_response?.sub_code === "isp.50001")
    expect(http500.length + isp.length).toBe(16)
    expect(http500.length).toBeGreaterThan(0)
    expect(isp.length).toBeGreaterThan(0)
    expect(await productCount()).toBe(before)
  })

  it("latency_ms delays answers", async () => {
    await api.control("POST", "/faults", { latency_ms: 200 })
    const started = Date.now()
    expect(payload(await api.call(TREE, { category_id: "0" }), TREE).is_success).toBe(true)
    expect(Date.now() - started).toBeGreaterThanOrEqual(190)
  })

  it("lose_response_rate commits the call and drops the connection", async () => {
    await api.control("POST", "/faults", { lose_response_rate: 1 })
    const before = await productCount()
    await expect(api.call(POST, { post_product_request: productDto(image) })).rejects.toThrow()
    expect(await productCount()).toBe(before + 1)
  })

  it("hang_rate never answers until the client gives up", async () => {
    await api.control("POST", "/faults", { hang_rate: 1 })
    const started = Date.now()
    await expect(api.http.post("/sync?method=" + TREE, "", { timeout: 300 })).rejects.toThrow(/timeout/)
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
  })

  it("malformed_rate answers invalid JSON", async () => {
    await api.control("POST", "/faults", { malformed_rate: 1 })
    const answer = await api.call(TREE, { category_id: "0" })
    expect(answer.status).toBe(200)
    expect(() => JSON.parse(answer.text)).toThrow()
  })

  it("ban_rate answers ApiCallLimit", async () => {
    await api.control("POST", "/faults", { ban_rate: 1 })
    expect(errorOf(await api.call(TREE, { category_id: "0" })).code).toBe("ApiCallLimit")
    const token = await api.rest("/auth/token/refresh", { refresh_token: "x" })
    expect(token.body).toMatchObject({ code: "ApiCallLimit" })
  })

  it("never applies faults to the control API or OAuth pages, and {} clears them", async () => {
    await api.control("POST", "/faults", { error_rate: 1, malformed_rate: 1 })
    const state = await api.control("GET", "/state")
    expect(state.status).toBe(200)
    expect(state.body.faults).toEqual({ error_rate: 1, malformed_rate: 1 })
    const page = await api.http.get("/oauth/authorize?response_type=code&client_id=500102&redirect_uri=https://x.example/cb")
    expect(page.status).toBe(200)
    expect((await api.control("POST", "/faults", {})).body).toEqual({ faults: {} })
    expect(payload(await api.call(TREE, { category_id: "0" }), TREE).is_success).toBe(true)
    expect((await api.control("POST", "/faults", { error_rate: 2 })).status).toBe(400)
  })

  it("answers the documented control API shapes", async () => {
    const { productId, skus } = await listProduct(api, image)
    const order = await api.control("POST", "/orders", { items: [{ sku_code: skus[0], quantity: 1 }] })
    expect(Object.keys(order.body)).toEqual(["order_id"])
    const state = (await api.control("GET", "/state")).body
    expect(state.products.find((p: any) => p.product_id === productId)).toMatchObject({
      product_id: productId,
      status: "onSelling",
      subject: expect.any(String),
      skus: [
        { sku_code: skus[0], price: "19.90", inventory: 9 },
        { sku_code: skus[1], price: "19.90", inventory: 5 },
      ].map((s) => expect.objectContaining(s)),
    })
    expect(state.orders.find((o: any) => o.order_id === order.body.order_id)).toMatchObject({
      status: "WAIT_SELLER_SEND_GOODS",
      items: [expect.objectContaining({ sku_code: skus[0], quantity: 1 })],
      shipments: [],
    })
    expect(state.calls[POST]).toBeGreaterThan(0)
    expect(state.images).toBeGreaterThan(0)
    expect((await api.control("GET", "/health")).body.status).toBe("ok")
    const clock = await api.control("POST", "/clock", { advance_ms: 1000 })
    expect(clock.body.clock_offset_ms).toBeGreaterThanOrEqual(1000)
    expect((await api.control("POST", "/clock", { advance_ms: -5 })).status).toBe(400)
    expect((await api.control("GET", "/nope")).status).toBe(404)
  })

  it("changes config at run time and keeps it across a reset", async () => {
    const config = await api.control("POST", "/config", { title_max_length: 20, audit_delay_ms: 0 })
    expect(config.body.config).toMatchObject({ titleMaxLength: 20, auditDelayMs: 0 })
    expect((await api.control("POST", "/config", { unknownSetting: 1 })).status).toBe(400)
    const reset = await api.control("POST", "/reset", { seed: "empty" })
    expect(reset.body).toEqual({ ok: true, seed: "empty" })
    const state = (await api.control("GET", "/state")).body
    expect(state.products).toEqual([])
    expect(state.orders).toEqual([])
    expect(state.config.titleMaxLength).toBe(20)
    const long = errorOf(await api.call(POST, { post_product_request: productDto(image) }))
    expect(long.sub_msg).toContain("at most 20 characters")
    await api.control("POST", "/config", { titleMaxLength: 128 })
  })

  it("converts US Pacific time both ways across DST", () => {
    expect(formatPacific(Date.UTC(2024, 0, 15, 20, 0, 0))).toBe("2024-01-15 12:00:00")
    expect(formatPacific(Date.UTC(2024, 6, 15, 19, 0, 0))).toBe("2024-07-15 12:00:00")
    expect(parsePacific("2024-01-15 12:00:00")).toBe(Date.UTC(2024, 0, 15, 20, 0, 0))
    expect(parsePacific("2024-07-15 12:00:00")).toBe(Date.UTC(2024, 6, 15, 19, 0, 0))
    expect(parsePacific("2024-03-10 03:30:00")).toBe(Date.UTC(2024, 2, 10, 10, 30, 0))
    expect(parsePacific("2024-07-15T12:00:00")).toBeUndefined()
  })
})

describe("sandbox persistence", () => {
  it("saves state to dataFile and loads it on the next start", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ae-sandbox-"))
    const dataFile = path.join(dir, "state.json")
    const first = await startTestSandbox({ dataFile })
    const image = await uploadPng(first.api)
    const { productId, skus } = await listProduct(first.api, image)
    const order = await first.api.control("POST", "/orders", { items: [{ sku_code: skus[0], quantity: 1 }] })
    await first.sandbox.stop()
    expect(fs.existsSync(dataFile)).toBe(true)

    const second = await startTestSandbox({ dataFile })
    try {
      const api = new TestApi(second.sandbox.url)
      api.token = first.api.token
      const info = await api.call("aliexpress.solution.product.info.get", { product_id: productId })
      expect(payload(info, "aliexpress.solution.product.info.get").result.product_status_type).toBe("onSelling")
      const state = (await api.control("GET", "/state")).body
      expect(state.orders.map((o: any) => o.order_id)).toEqual([order.body.order_id])
      const next = payload(await api.call(POST, { post_product_request: productDto(await uploadPng(api)) }), POST)
      expect(BigInt(String(next.result.product_id))).toBe(BigInt(productId) + 1n)
    } finally {
      await second.sandbox.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
