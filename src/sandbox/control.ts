import { IncomingMessage, ServerResponse } from "node:http"
import { z } from "zod"
import { readBody, sendJson } from "./http-util"
import { ControlError, changeOrderStatus, orderSchema, placeOrder, sellerIdSchema } from "./control-orders"
import { configPatchSchema } from "./options"
import { RateLimiter } from "./rate-limiter"
import { SandboxStore, SellerState } from "./store"
import { issueTokens } from "./tokens"

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

const statusSchema = z.object({ action: z.enum(["cancel", "confirm"]) })
const tokensSchema = z.object({
  seller_id: sellerIdSchema.optional(),
  access_ttl_sec: z.number().int().min(1).optional(),
  refresh_ttl_sec: z.number().int().min(1).optional(),
})
const sellerSchema = z
  .object({
    nick: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9._-]+$/, "may hold only letters, digits, dot, underscore and dash")
      .optional(),
  })
  .strict()
const stateQuerySchema = z.object({ seller_id: sellerIdSchema.optional() })
const resetSchema = z.object({ seed: z.enum(["demo", "empty"]) }).partial()
const clockSchema = z.object({ advance_ms: z.number().int().min(0) })

function parse<T>(schema: z.ZodType<T>, value: unknown, code = "invalid_body"): T {
  const result = schema.safeParse(value)
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new ControlError(400, code, `${issue.path.join(".") || "body"}: ${issue.message}`)
  }
  return result.data
}

const camel = (key: string): string => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

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
      const result = this.route(req.method ?? "GET", url.pathname.slice("/__sandbox".length), body, url.searchParams)
      sendJson(res, 200, JSON.stringify(result))
    } catch (error) {
      if (error instanceof ControlError) {
        sendJson(res, error.status, JSON.stringify({ error: { code: error.code, message: error.message } }))
        return
      }
      throw error
    }
  }

  /** The seller named by `seller_id`, or the seeded seller when none is named. */
  private sellerOf(sellerId: string | undefined): SellerState {
    const seller = this.store.seller(sellerId)
    if (!seller) {
      throw new ControlError(404, "seller_not_found", `seller_id ${sellerId} does not exist`)
    }
    return seller
  }

  private route(method: string, path: string, body: unknown, query: URLSearchParams): unknown {
    const store = this.store
    const key = `${method} ${path}`
    switch (key) {
      case "GET /health":
        return { status: "ok", now: store.now(), clock_offset_ms: store.clockOffsetMs }
      case "GET /state": {
        const input = parse(stateQuerySchema, { seller_id: query.get("seller_id") ?? undefined }, "invalid_query")
        return store.snapshot(this.sellerOf(input.seller_id))
      }
      case "POST /sellers": {
        const input = parse(sellerSchema, body)
        if (input.nick !== undefined && store.sellerByNick(input.nick)) {
          throw new ControlError(409, "nick_taken", `nick ${input.nick} is already a seller's user_nick`)
        }
        const seller = store.createSeller(input.nick)
        return { seller_id: seller.sellerId, user_nick: seller.account.user_nick }
      }
      case "POST /tokens": {
        const input = parse(tokensSchema, body)
        return issueTokens(store, this.sellerOf(input.seller_id), input.access_ttl_sec, input.refresh_ttl_sec)
      }
      case "POST /orders": {
        const input = parse(orderSchema, body)
        return { order_id: placeOrder(store, this.sellerOf(input.seller_id), input).order_id }
      }
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
      // Whichever seller sold it: the buyer acts on the order, not on a seller's account.
      const found = store.findOrder(status[1])
      if (!found) {
        throw new ControlError(404, "order_not_found", `order ${status[1]} does not exist`)
      }
      changeOrderStatus(found.seller, found.order, parse(statusSchema, body).action)
      return { order_id: found.order.order_id, status: found.order.status }
    }
    throw new ControlError(404, "not_found", `no sandbox route ${key}`)
  }
}
