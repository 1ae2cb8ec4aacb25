import crypto from "node:crypto"
import http from "node:http"
import { AddressInfo } from "node:net"
import { SandboxHandle } from "../../../src/sandbox"
import { APP_SECRET, TestApi, errorOf, listProduct, payload, startTestSandbox, uploadPng } from "./helpers"

const GET = "aliexpress.solution.order.get"
const INFO = "aliexpress.solution.order.info.get"
const FULFILL = "aliexpress.solution.order.fulfill"
const MODIFY = "aliexpress.logistics.sellermodifiedshipmentfortop"

function pacific(ms: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: "America/Los_Angeles",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value])
  )
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`
}

describe("sandbox orders and shipping", () => {
  let sandbox: SandboxHandle
  let api: TestApi
  let skus: string[]
  let productId: string
  const pushes: Array<{ headers: http.IncomingHttpHeaders; body: string }> = []
  let pushServer: http.Server

  beforeAll(async () => {
    pushServer = http.createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on("data", (c) => chunks.push(c))
      req.on("end", () => {
        pushes.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") })
        res.end("ok")
      })
    })
    await new Promise<void>((resolve) => pushServer.listen(0, "127.0.0.1", resolve))
    ;({ sandbox, api } = await startTestSandbox())
    const image = await uploadPng(api)
    ;({ productId, skus } = await listProduct(api, image))
    const stock = await api.call("aliexpress.solution.batch.product.inventory.update", {
      mutiple_product_update_list: [
        { product_id: productId, multiple_sku_update_list: skus.map((sku_code) => ({ sku_code, inventory: 500 })) },
      ],
    })
    expect(payload(stock, "aliexpress.solution.batch.product.inventory.update").update_success).toBe(true)
  })

  afterAll(async () => {
    await sandbox.stop()
    await new Promise((resolve) => pushServer.close(resolve))
  })

  const place = async (quantity = 1, sku = skus[0]) => {
    const res = await api.control("POST", "/orders", { items: [{ sku_code: sku, quantity }], shipping_amount: "4.50" })
    expect(res.status).toBe(200)
    expect(typeof res.body.order_id).toBe("string")
    return res.body.order_id as string
  }

  const orderGet = (param0: Record<string, unknown>) => api.call(GET, { param0 })
  const infoOf = async (orderId: string) => payload(await api.call(INFO, { param1: { order_id: orderId } }), INFO).result.data

  it("places orders that decrement stock and refuses unknown skus and short stock", async () => {
    const before = (await api.control("GET", "/state")).body.products.find((p: any) => p.product_id === productId)
    const orderId = await place(2)
    const after = (await api.control("GET", "/state")).body.products.find((p: any) => p.product_id === productId)
    expect(after.skus[0].inventory).toBe(before.skus[0].inventory - 2)
    expect(BigInt(orderId) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true)
    const unknown = await api.control("POST", "/orders", { items: [{ sku_code: "nope", quantity: 1 }] })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.code).toBe("unknown_sku")
    const short = await api.control("POST", "/orders", { items: [{ sku_code: skus[1], quantity: 10_000 }] })
    expect(short.status).toBe(400)
    expect(short.body.error.code).toBe("insufficient_stock")
  })

  it("answers order.get with wrapped lists, newest first, paged, with bare big ids", async () => {
    const a = await place()
    const b = await place()
    const now = Date.now()
    const answer = await orderGet({
      create_date_start: pacific(now - 3600_000),
      create_date_end: pacific(now + 3600_000),
      order_status_list: ["WAIT_SELLER_SEND_GOODS"],
      page_size: 2,
      current_page: 1,
    })
    const result = payload(answer, GET).result
    expect(result.total_count).toBeGreaterThanOrEqual(3)
    const orders = result.target_list.order_dto
    expect(orders.map((o: any) => String(o.order_id))).toEqual([b, a])
    expect(answer.text).toContain(`"order_id":${b}`)
    expect(orders[0]).toMatchObject({ order_status: "WAIT_SELLER_SEND_GOODS", pay_amount: { currency_code: "USD" } })
    expect(orders[0].timeout_left_time).toBeGreaterThan(4 * 24 * 3600 * 1000)
    expect(orders[0].gmt_create).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    const line = orders[0].product_list.order_product_dto[0]
    expect(String(line.product_id)).toBe(productId)
    expect(line.sku_code).toBe(skus[0])
    const flat = payload(
      await api.call(GET, { page_size: "50", current_page: "1", order_status_list: "WAIT_SELLER_SEND_GOODS" }),
      GET
    )
    expect(flat.result.total_count).toBe(result.total_count)
  })

  it("filters by Pacific-time windows and refuses windows over 180 days and missing paging", async () => {
    const now = Date.now()
    const future = payload(await orderGet({ create_date_start: pacific(now + 3600_000), page_size: 10, current_page: 1 }), GET)
    expect(future.result.total_count).toBe(0)
    expect(future.result.target_list).toBeUndefined()
    const modified = payload(
      await orderGet({ modified_date_start: pacific(now - 600_000), modified_date_end: pacific(now + 600_000), page_size: 10, current_page: 1 }),
      GET
    )
    expect(modified.result.total_count).toBeGreaterThan(0)
    const wide = errorOf(
      await orderGet({ create_date_start: pacific(now - 181 * 86400_000), create_date_end: pacific(now), page_size: 10, current_page: 1 })
    )
    expect(wide.sub_code).toBe("isv.invalid-parameter")
    expect(wide.sub_msg).toContain("create_date_start")
    expect(errorOf(await orderGet({ current_page: 1 })).sub_msg).toContain("page_size")
    expect(errorOf(await orderGet({ page_size: 10, current_page: 1, create_date_start: "2024-13-01" })).sub_code).toBe("isv.invalid-parameter")
  })

  it("answers order.info.get with buyer, address and child orders", async () => {
    const orderId = await place(3)
    const data = await infoOf(orderId)
    expect(String(data.id)).toBe(orderId)
    expect(data.order_status).toBe("WAIT_SELLER_SEND_GOODS")
    expect(data.buyer_info.login_id).toEqual(expect.any(String))
    expect(data.receipt_address).toMatchObject({ country: expect.any(String), zip: expect.any(String) })
    expect(data.child_order_list.global_aeop_tp_child_order_dto[0]).toMatchObject({ sku_code: skus[0], product_count: 3 })
    expect(data.logistics_amount.amount).toBe("4.50")
    expect(errorOf(await api.call(INFO, { param1: { order_id: "8200000000099999999" } })).sub_code).toBe("isv.order-not-exist")
  })

  it("enforces the fulfilment rules", async () => {
    const orderId = await place()
    const ship = (params: Record<string, string>) =>
      api.call(FULFILL, { out_ref: orderId, send_type: "all", service_name: "UPS", logistics_no: "1Z999AA10123456784", ...params })
    expect(errorOf(await ship({ service_name: "PIGEON" })).sub_code).toBe("isv.logistics-service-not-exist")
    const badNumber = errorOf(await ship({ logistics_no: "12345" }))
    expect(badNumber.sub_code).toBe("isv.logistics-no-invalid")
    expect(badNumber.sub_msg).toContain("logistics_no")
    expect(errorOf(await ship({ service_name: "OTHER_US_OVERSEAS", logistics_no: "ABC123456" })).sub_code).toBe(
      "isv.tracking-website-required"
    )
    expect(errorOf(await ship({ send_type: "some" })).sub_code).toBe("isv.invalid-parameter")
    expect(errorOf(await ship({ out_ref: "8200000000099999999" })).sub_code).toBe("isv.order-not-exist")
    expect(errorOf(await api.call(FULFILL, { out_ref: orderId, send_type: "all", service_name: "UPS" })).code).toBe("MissingParameter")

    const part = await ship({ send_type: "part", service_name: "CAINIAO_STANDARD", logistics_no: "LP123456789CN" })
    expect(payload(part, FULFILL).result.result_success).toBe(true)
    expect((await infoOf(orderId)).order_status).toBe("SELLER_PART_SEND_GOODS")
    const rest = await ship({ service_name: "OTHER_US_OVERSEAS", logistics_no: "ABC123456", tracking_website: "https://track.example.com" })
    expect(payload(rest, FULFILL).result.result_success).toBe(true)
    const data = await infoOf(orderId)
    expect(data.order_status).toBe("WAIT_BUYER_ACCEPT_GOODS")
    expect(data.logistic_info_list.global_aeop_tp_logistic_info_dto.map((l: any) => l.logistics_no)).toEqual(["LP123456789CN", "ABC123456"])
    expect(errorOf(await ship({})).sub_code).toBe("isv.order-status-not-allowed")

    const state = (await api.control("GET", "/state")).body.orders.find((o: any) => o.order_id === orderId)
    expect(state.shipments).toEqual([
      expect.objectContaining({ service_name: "CAINIAO_STANDARD", logistics_no: "LP123456789CN", send_type: "part" }),
      expect.objectContaining({ service_name: "OTHER_US_OVERSEAS", logistics_no: "ABC123456", send_type: "all" }),
    ])
  })

  it("modifies a shipment's tracking", async () => {
    const orderId = await place()
    await api.call(FULFILL, { out_ref: orderId, send_type: "all", service_name: "DHL", logistics_no: "1234567890" })
    const modify = (params: Record<string, string>) =>
      api.call(MODIFY, {
        out_ref: orderId,
        send_type: "all",
        old_service_name: "DHL",
        old_logistics_no: "1234567890",
        new_service_name: "UPS",
        new_logistics_no: "1Z999AA10123456784",
        ...params,
      })
    expect(errorOf(await modify({ old_logistics_no: "0000000000" })).sub_code).toBe("isv.shipment-not-exist")
    expect(errorOf(await modify({ new_logistics_no: "bad" })).sub_code).toBe("isv.logistics-no-invalid")
    expect(payload(await modify({}), MODIFY).result.result_success).toBe(true)
    const shipments = (await infoOf(orderId)).logistic_info_list.global_aeop_tp_logistic_info_dto
    expect(shipments).toEqual([expect.objectContaining({ logistics_no: "1Z999AA10123456784", logistics_service_name: "UPS" })])
  })

  it("cancels (restoring stock) and confirms orders through the control API", async () => {
    const stock = async () =>
      (await api.control("GET", "/state")).body.products.find((p: any) => p.product_id === productId).skus[0].inventory
    const start = await stock()
    const cancelled = await place(2)
    expect(await stock()).toBe(start - 2)
    const res = await api.control("POST", `/orders/${cancelled}/status`, { action: "cancel" })
    expect(res.body).toEqual({ order_id: cancelled, status: "IN_CANCEL" })
    expect(await stock()).toBe(start)
    expect((await api.control("POST", `/orders/${cancelled}/status`, { action: "confirm" })).status).toBe(409)

    const confirmed = await place()
    await api.call(FULFILL, { out_ref: confirmed, send_type: "all", service_name: "USPS", logistics_no: "9400111899223344556677" })
    expect((await api.control("POST", `/orders/${confirmed}/status`, { action: "confirm" })).body.status).toBe("FINISH")
    const data = await infoOf(confirmed)
    expect(data).toMatchObject({ order_status: "FINISH", order_end_reason: "buyer_confirm_goods" })
    expect((await api.control("POST", "/orders/123/status", { action: "cancel" })).status).toBe(404)
  })

  it("pushes signed order status messages", async () => {
    const pushUrl = `http://127.0.0.1:${(pushServer.address() as AddressInfo).port}/hook`
    await api.control("POST", "/config", { pushUrl })
    pushes.length = 0
    const orderId = await place()
    await api.call(FULFILL, { out_ref: orderId, send_type: "all", service_name: "DHL", logistics_no: "5556667778" })
    for (let i = 0; i < 50 && pushes.length < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await api.control("POST", "/config", { pushUrl: null })
    expect(pushes).toHaveLength(2)
    const messages = pushes.map((p) => JSON.parse(p.body))
    expect(messages[1]).toMatchObject({
      message_type: "order_status",
      seller_id: "2000000001",
      data: { order_id: orderId, current_status: "WAIT_BUYER_ACCEPT_GOODS", last_status: "WAIT_SELLER_SEND_GOODS" },
    })
    expect(messages[1].message_id).toMatch(/^[0-9a-f-]{36}$/)
    expect(messages[1].data.order_change_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    for (const push of pushes) {
      const expected = crypto.createHmac("sha256", APP_SECRET).update(push.body).digest("hex").toUpperCase()
      expect(push.headers["x-ae-signature"]).toBe(expected)
      expect(push.headers["x-ae-timestamp"]).toMatch(/^\d{13}$/)
    }
  })
})
