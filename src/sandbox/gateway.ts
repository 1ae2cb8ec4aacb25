import crypto from "node:crypto"
import { IncomingMessage, ServerResponse } from "node:http"
import { MethodContext, UploadedFile } from "./context"
import { BusinessError, GatewayError, SUB, missing } from "./errors"
import { BodyTooLargeError, collectParams, readBody, sendJson, sendText } from "./http-util"
import { renderJson } from "./json"
import { METHODS } from "./methods"
import { settleFeeds } from "./methods/feeds"
import { SandboxLogger } from "./options"
import { RateLimiter } from "./rate-limiter"
import { computeSign, computeSignMd5, safeEqual } from "./sign"
import { SandboxStore, SellerState } from "./store"
import { issueTokens } from "./tokens"

const MAX_BODY = 12 * 1024 * 1024
const HANG_MS = 60_000
const REST_PATHS = new Set(["/auth/token/create", "/auth/token/refresh"])

type Kind = "sync" | "rest"

interface Call {
  kind: Kind
  method: string
  params: Record<string, string>
  files: Record<string, UploadedFile>
  requestId: string
  baseUrl: string
  /** Whose counters the call and its rejection go to (see `accountableSeller`). */
  seller: SellerState
}

let requestCounter = 0
const requestPrefix = crypto.randomBytes(4).toString("hex")
const newRequestId = (): string => `${requestPrefix}${(++requestCounter).toString(16).padStart(12, "0")}`

const chance = (rate?: number): boolean => !!rate && rate > 0 && Math.random() < rate

/** The API gateway: signature, timestamp, token and rate checks, faults, dispatch and envelopes. */
export class Gateway {
  readonly limiter: RateLimiter
  private hanging = new Set<{ timer: NodeJS.Timeout; res: ServerResponse }>()

  constructor(
    private readonly store: SandboxStore,
    private readonly appKey: string,
    private readonly appSecret: string,
    private readonly imageHosts: Set<string>,
    private readonly logger: SandboxLogger
  ) {
    this.limiter = new RateLimiter(
      (method) => {
        const limit = store.config.rateLimitPerSecond
        return typeof limit === "number" ? limit : limit[method] ?? limit["*"] ?? 20
      },
      () => store.config.banMs
    )
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL, kind: Kind): Promise<void> {
    let body: Buffer
    try {
      body = await readBody(req, MAX_BODY)
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        sendText(res, 413, "text/plain", "Request Entity Too Large")
        return
      }
      throw error
    }
    const { params, files } = collectParams(url, req, body)
    const call: Call = {
      kind,
      // A bare /rest (the Python SDK's token calls) names its path in the `method` param.
      method: kind === "sync" ? params.method ?? "" : url.pathname.slice("/rest".length) || (params.method ?? ""),
      params,
      files,
      requestId: newRequestId(),
      baseUrl: `http://${req.headers.host ?? "127.0.0.1"}`,
      seller: this.accountableSeller(params),
    }
    call.seller.countCall(call.method || "(missing method)")

    const faults = this.store.faults
    if (chance(faults.hang_rate)) {
      this.hang(res)
      return
    }
    if (faults.latency_ms) {
      await new Promise((resolve) => setTimeout(resolve, faults.latency_ms))
    }
    if (chance(faults.error_rate)) {
      if (Math.random() < 0.5) {
        call.seller.countRejection(SUB.system)
        sendText(res, 500, "text/html;charset=UTF-8", "<html><body><h1>500 Internal Server Error</h1></body></html>")
      } else {
        sendJson(res, 200, this.renderError(call, new BusinessError(SUB.system, "The service is temporarily unavailable, please retry")))
      }
      return
    }
    if (chance(faults.ban_rate)) {
      sendJson(res, 200, this.renderError(call, this.banError()))
      return
    }

    let text: string
    try {
      text = this.dispatch(call)
    } catch (error) {
      if (!(error instanceof GatewayError) && !(error instanceof BusinessError)) {
        this.logger.error?.(`sandbox: ${call.method} failed: ${(error as Error).stack ?? error}`)
        error = new GatewayError("UnknownRuntimeException", "An unknown runtime exception occurred", "SYSTEM")
      }
      text = this.renderError(call, error as GatewayError | BusinessError)
    }

    if (chance(faults.lose_response_rate)) {
      res.socket?.destroy()
      return
    }
    if (chance(faults.malformed_rate)) {
      const broken = text.slice(0, Math.max(1, Math.floor(text.length / 2)))
      sendJson(res, 200, broken)
      return
    }
    sendJson(res, 200, text)
  }

  private hang(res: ServerResponse): void {
    const entry = {
      res,
      timer: setTimeout(() => {
        this.hanging.delete(entry)
        res.socket?.destroy()
      }, HANG_MS),
    }
    entry.timer.unref?.()
    this.hanging.add(entry)
    res.on("close", () => {
      clearTimeout(entry.timer)
      this.hanging.delete(entry)
    })
  }

  close(): void {
    for (const entry of this.hanging) {
      clearTimeout(entry.timer)
      entry.res.socket?.destroy()
    }
    this.hanging.clear()
  }

  private banError(): GatewayError {
    const seconds = Math.max(1, Math.ceil(this.store.config.banMs / 1000))
    return new GatewayError(
      "ApiCallLimit",
      `API access frequently exceeds the limit. This ban will last ${seconds} seconds`,
      "ISP"
    )
  }

  private renderError(call: Call, error: GatewayError | BusinessError): string {
    const code = error instanceof GatewayError ? error.code : error.subCode
    call.seller.countRejection(code)
    if (call.kind === "rest") {
      return renderJson({
        type: error instanceof GatewayError ? error.type : "ISP",
        code,
        message: error.message,
        request_id: call.requestId,
      })
    }
    if (error instanceof GatewayError) {
      return renderJson({
        error_response: { type: error.type, code: error.code, msg: error.message, request_id: call.requestId },
      })
    }
    return renderJson({
      error_response: {
        code: 15,
        msg: "Remote service error",
        sub_code: error.subCode,
        sub_msg: error.message,
        request_id: call.requestId,
      },
    })
  }

  private checkSystemParams(call: Call): void {
    const p = call.params
    if (!p.app_key) {
      throw missing("app_key")
    }
    if (p.app_key !== this.appKey) {
      throw new GatewayError("InvalidAppKey", `The app_key ${p.app_key} is not a registered application`)
    }
    if (call.kind === "sync") {
      if (!call.method) {
        throw missing("method")
      }
      if (!METHODS[call.method]) {
        throw new GatewayError("InvalidApiPath", `The specified API path is invalid: ${call.method}`)
      }
    } else if (!call.method) {
      throw missing("method")
    } else if (!REST_PATHS.has(call.method)) {
      throw new GatewayError("InvalidApiPath", `The specified API path is invalid: /rest${call.method}`)
    }
    if (!p.sign) {
      throw new GatewayError("IncompleteSignature", "The request signature is missing")
    }
    const signMethod = p.sign_method
    if (!signMethod) {
      throw missing("sign_method")
    }
    let expected: (withEmpty: boolean) => string
    if (signMethod === "sha256") {
      expected = (withEmpty) => computeSign(this.appSecret, call.kind === "rest" ? call.method : "", p, withEmpty)
    } else if (signMethod === "md5") {
      expected = (withEmpty) => computeSignMd5(this.appSecret, p, withEmpty)
    } else {
      throw new GatewayError("IncompleteSignature", `Unsupported sign_method ${signMethod}`)
    }
    const hasEmpty = Object.keys(p).some((key) => key !== "sign" && p[key] === "")
    if (!safeEqual(p.sign, expected(false)) && !(hasEmpty && safeEqual(p.sign, expected(true)))) {
      throw new GatewayError("IncompleteSignature", "The request signature does not conform to platform standards")
    }
    if (!p.timestamp) {
      throw missing("timestamp")
    }
    const ts = /^\d+$/.test(p.timestamp) ? Number(p.timestamp) : /^\d{4}-\d{2}-\d{2}T/.test(p.timestamp) ? Date.parse(p.timestamp) : NaN
    const window = this.store.config.timestampWindowSec * 1000
    // Checked against the real clock: callers do not see the sandbox's clock offset.
    if (!Number.isFinite(ts) || Math.abs(Date.now() - ts) > window) {
      throw new GatewayError(
        "InvalidTimestamp",
        `The timestamp ${p.timestamp} is invalid or more than ${this.store.config.timestampWindowSec} seconds away from server time`
      )
    }
  }

  /**
   * The seller a call is counted for before it is checked: its access token's, else its refresh
   * token's or code's, else the seeded seller's (a call naming no seller, as one seller saw it before).
   */
  private accountableSeller(params: Record<string, string>): SellerState {
    const store = this.store
    const token = params.session || params.access_token
    const record =
      (token ? store.accessTokens.get(token) : undefined) ??
      (params.refresh_token ? store.refreshTokens.get(params.refresh_token) : undefined) ??
      (params.code ? store.codes.get(params.code) : undefined)
    return (record && store.sellers.get(record.seller_id)) || store.seeded
  }

  /** The seller whose access token signs the call: every business call acts for that seller only. */
  private checkToken(call: Call): SellerState {
    const token = call.params.session || call.params.access_token
    if (!token) {
      throw missing("session")
    }
    const record = this.store.accessTokens.get(token)
    const seller = record && this.store.sellers.get(record.seller_id)
    if (!record || !seller) {
      throw new GatewayError("IllegalAccessToken", "The specified access token is invalid")
    }
    if (record.expires_at <= this.store.now()) {
      throw new GatewayError("IllegalAccessToken", "The access token has expired")
    }
    return seller
  }

  /** AliExpress limits per app and seller; token calls carry no seller and count for the app. */
  private checkRate(call: Call, seller: SellerState | undefined): void {
    if (!this.limiter.allow(this.appKey, seller?.sellerId, call.method)) {
      throw this.banError()
    }
  }

  private dispatch(call: Call): string {
    this.checkSystemParams(call)
    if (call.kind === "rest") {
      this.checkRate(call, undefined)
      return renderJson({ ...this.rest(call), request_id: call.requestId })
    }
    const seller = this.checkToken(call)
    this.checkRate(call, seller)
    const def = METHODS[call.method]
    for (const name of def.required ?? []) {
      if (call.params[name] === undefined || call.params[name] === "") {
        throw missing(name)
      }
    }
    const ctx: MethodContext = {
      params: call.params,
      files: call.files,
      store: this.store,
      seller,
      baseUrl: call.baseUrl,
      imageHosts: this.imageHosts,
    }
    settleFeeds(ctx)
    const result = def.handler(ctx)
    if (call.params.simplify === "true") {
      return renderJson({ ...result, request_id: call.requestId }, true)
    }
    return renderJson({
      [`${call.method.replace(/\./g, "_")}_response`]: { ...result, request_id: call.requestId },
    })
  }

  private rest(call: Call): Record<string, unknown> {
    const store = this.store
    if (call.method === "/auth/token/create") {
      const code = call.params.code
      if (!code) {
        throw missing("code")
      }
      const entry = store.codes.get(code)
      const seller = entry && store.sellers.get(entry.seller_id)
      if (!entry || !seller) {
        throw new GatewayError("InvalidCode", "The authorization code is invalid")
      }
      if (entry.used || entry.expires_at <= store.now()) {
        throw new GatewayError("InvalidCode", "The authorization code has expired or was already used")
      }
      entry.used = true
      return issueTokens(store, seller)
    }
    const refresh = call.params.refresh_token
    if (!refresh) {
      throw missing("refresh_token")
    }
    const entry = store.refreshTokens.get(refresh)
    const seller = entry && store.sellers.get(entry.seller_id)
    if (!entry || !seller) {
      throw new GatewayError("IllegalRefreshToken", "The specified refresh token is invalid")
    }
    if (entry.expires_at <= store.now()) {
      throw new GatewayError("IllegalRefreshToken", "The refresh token has expired")
    }
    store.refreshTokens.delete(refresh)
    // The new pair answers for the same seller as the refresh token it replaces.
    return issueTokens(store, seller)
  }
}
