import { IncomingMessage, ServerResponse } from "node:http"
import { z } from "zod"
import { readBody, sendJson } from "./http-util"
import { configPatchSchema } from "./options"
import { DEMO_ADDRESSES, DEMO_BUYERS, SHIP_DEADLINE_MS } from "./seed"
import { OrderItem, OrderRecord, SandboxStore } from "./store"
import { issueTokens } from "./tokens"
import { RateLimiter } from "./rate-limiter"

class ControlError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message)
  }
}

const rate = z.number().min(0).max(1)
const faultsSchema = z
  .object({
    error_rate: rate,
    latency_ms: z.number().int().min(0).max(120_000),
    lose_response_rate: rate,
    hang_rate: rate,
    malformed_rate: rate,
    ban_rate: rate,
  })
  .partial()
  .strict()

const orderSchema = z.object({
  items: z.array(z.object({ sku_code: z.string().min(1), quantity: z.number().int().min(1) })).min(1),
  buyer: z
    .object({
      login_id: z.string().min(1),
      first_name: z.string().min(1),
      last_name: z.string().min(1),
      email: z.string().optional(),
      country: z.string().length(2).optional(),
    })
    .optional(),
  address: z
    .object({
      contact_person: z.string().min(1),
      address: z.string().min(1),
      address2: z.string().optional(),
      city: z.string().min(1),
      province: z.string().min(1),
      country: z.string().length(2),
      zip: z.string().min(1),
      phone_number: z.string().min(1),
    })
    .optional(),
  shipping_amount: z.string().regex(/^\d+(\.\d{1,2})?$/).optional(),
})

const statusSchema = z.object({ action: z.enum(["cancel", "confirm"]) })
const tokensSchema = z.object({ access_ttl_sec: z.number().int().min(1), refresh_ttl_sec: z.number().int().min(1) }).partial()
const resetSchema = z.object({ seed: z.enum(["demo", "empty"]) }).partial()
const clockSchema = z.object({ advance_ms: z.number().int().min(0) })

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value)
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new ControlError(400, "invalid_body", `${issue.path.join(".") || "body"}: ${issue.message}`)
  }
  return result.data
}

const camel = (key: string): string => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)]

/** The test-only API under `/__sandbox/`: no signature, plain JSON, ids as strings. */
export class ControlApi {
  constructor(private readonly store: SandboxStore, private readonly limiter: RateLimiter) {}

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    try {
      const raw = req.method === "POST" ? (await readBody(req, 1024 * 1024)).toString("utf8").trim() : ""
      let body: unknown = {}
      if (raw) {
        try {
          body = JSON.parse(raw)
        } catch {
          throw new ControlError(400, "invalid_json", "the body is not valid JSON")
        }
      }
      const result = this.route(req.method ?? "GET", url.pathname.slice("/__sandbox".length), body)
      sendJson(res, 200, JSON.stringify(result))
    } catch (error) {
      if (error instanceof ControlError) {
        sendJson(res, error.status, JSON.stringify({ error: { code: error.code, message: error.message } }))
        return
      }
      throw error
    }
  }

  private route(method: string, path: string, body: unknown): unknown {
    const store = this.store
    const key = `${method} ${path}`
    switch (key) {
      case "GET /health":
        return { status: "ok", now: store.now(), clock_offset_ms: store.clockOffsetMs }
      case "GET /state":
        return store.snapshot()
      case "POST /tokens": {
        const input = parse(tokensSchema, body)
        return issueTokens(store, input.access_ttl_sec, input.refresh_ttl_sec)
      }
      case "POST /orders":
        return { order_id: this.placeOrder(parse(orderSchema, body)).order_id }
      case "POST /faults":
        store.faults = parse(faultsSchema, body)
        return { faults: store.faults }
      case "POST /reset": {
        const input = parse(resetSchema, body)
        store.reset(input.seed ?? store.seed)
        this.limiter.clear()
        return { ok: true, seed: store.seed }
      }
      case "POST /clock": {
        const input = parse(clockSchema, body)
        store.clockOffsetMs += input.advance_ms
        store.settleAudits()
        store.markDirty()
        return { now: store.now(), clock_offset_ms: store.clockOffsetMs }
      }
      case "POST /config": {
        const patch = parse(
          configPatchSchema,
          Object.fromEntries(Object.entries((body ?? {}) as Record<string, unknown>).map(([k, v]) => [camel(k), v]))
        )
        const { pushUrl, redirectUri, ...rest } = patch
        Object.assign(store.config, rest)
        if (pushUrl !== undefined) {
          store.config.pushUrl = pushUrl ?? undefined
        }
        if (redirectUri !== undefined) {
          store.config.redirectUri = redirectUri ?? undefined
        }
        if (rest.rateLimitPerSecond !== undefined || rest.banMs !== undefined) {
          this.limiter.clear()
        }
        return { config: store.config }
      }
    }
    const status = /^\/orders\/(\d+)\/status$/.exec(path)
    if (method === "POST" && status) {
      const order = store.orders.get(status[1])
      if (!order) {
        throw new ControlError(404, "order_not_found", `order ${status[1]} does not exist`)
      }
      this.changeStatus(order, parse(statusSchema, body).action)
      return { order_id: order.order_id, status: order.status }
    }
    throw new ControlError(404, "not_found", `no sandbox route ${key}`)
  }

  private placeOrder(input: z.infer<typeof orderSchema>): OrderRecord {
    const store = this.store
    store.settleAudits()
    const wanted = new Map<string, number>()
    for (const item of input.items) {
      wanted.set(item.sku_code, (wanted.get(item.sku_code) ?? 0) + item.quantity)
    }
    for (const [code, quantity] of wanted) {
      const product = store.products.get(store.skuIndex.get(code) ?? "")
      const sku = product?.skus.find((s) => s.sku_code === code)
      if (!product || !sku) {
        throw new ControlError(400, "unknown_sku", `sku_code ${code} is not listed`)
      }
      if (product.status !== "onSelling") {
        throw new ControlError(400, "not_on_sale", `product ${product.product_id} of sku_code ${code} is ${product.status}`)
      }
      if (sku.inventory < quantity) {
        throw new ControlError(400, "insufficient_stock", `sku_code ${code} has ${sku.inventory} in stock, ${quantity} ordered`)
      }
    }
    const items: OrderItem[] = input.items.map((line) => {
      const product = store.products.get(store.skuIndex.get(line.sku_code)!)!
      const sku = product.skus.find((s) => s.sku_code === line.sku_code)!
      sku.inventory -= line.quantity
      return {
        child_id: store.newChildId(),
        product_id: product.product_id,
        sku_code: sku.sku_code,
        product_name: product.subjects.find((s) => s.language === product.language)?.subject ?? product.subjects[0].subject,
        quantity: line.quantity,
        unit_price: sku.discount_price ?? sku.price,
        image: sku.attributes.find((a) => a.image)?.image ?? product.images[0],
        attributes: sku.attributes,
      }
    })
    const now = store.now()
    const buyer = input.buyer ?? pick(DEMO_BUYERS)
    const address = input.address ?? pick(DEMO_ADDRESSES)
    const order: OrderRecord = {
      order_id: store.newOrderId(),
      status: "WAIT_SELLER_SEND_GOODS",
      gmt_create: now,
      gmt_update: now,
      gmt_pay: now,
      ship_deadline: now + SHIP_DEADLINE_MS,
      buyer: { ...buyer, country: buyer.country ?? address.country },
      address: { ...address },
      currency: "USD",
      shipping_amount: Number(input.shipping_amount ?? "0").toFixed(2),
      items,
      shipments: [],
    }
    store.orders.set(order.order_id, order)
    store.markDirty()
    store.orderListener?.(order, "PLACE_ORDER_SUCCESS")
    return order
  }

  private changeStatus(order: OrderRecord, action: "cancel" | "confirm"): void {
    const store = this.store
    if (action === "cancel") {
      if (order.status !== "WAIT_SELLER_SEND_GOODS" && order.status !== "PLACE_ORDER_SUCCESS") {
        throw new ControlError(409, "invalid_status", `order ${order.order_id} cannot be cancelled in status ${order.status}`)
      }
      for (const item of order.items) {
        const product = store.products.get(item.product_id)
        const sku = product?.skus.find((s) => s.sku_code === item.sku_code)
        if (sku) {
          sku.inventory += item.quantity
        }
      }
      store.setOrderStatus(order, "IN_CANCEL")
      return
    }
    if (order.status !== "WAIT_BUYER_ACCEPT_GOODS") {
      throw new ControlError(409, "invalid_status", `order ${order.order_id} cannot be confirmed in status ${order.status}`)
    }
    order.end_reason = "buyer_confirm_goods"
    store.setOrderStatus(order, "FINISH")
  }
}
