import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * The one place where AliExpress' errors (and the client's) become what an admin route answers.
 * Each keeps AliExpress' code and message, so the admin shows what AliExpress said:
 *
 * - the credentials are refused        -> 400, the account needs reconnecting
 * - AliExpress limits calls            -> 429, retry later
 * - a parameter AliExpress refuses     -> 400 naming it
 * - another business rule              -> 400 with AliExpress' message
 * - AliExpress fails or answers badly  -> 502 (504 when it did not answer in time)
 *
 * Errors thrown inside a workflow step come out of `run()` as plain objects (name, message,
 * code ...), so the shape is read, not the class.
 */

export type MappedError = { status: number; body: { type: string; code: string; message: string } }

const AUTH_CODES = new Set([
  "IllegalAccessToken",
  "IllegalRefreshToken",
  "InvalidCode",
  "AccessTokenExpired",
  "RefreshTokenExpired",
  "InvalidSession",
  "SessionExpired",
  "IncompleteSignature",
  "InvalidAppKey",
  "26",
  "27",
])
const PARAMETER_CODE = /invalid[-_.]?param|missing[-_.]?param|InvalidArgument|^40$|^41$|^15$/i

type ErrorLike = {
  name?: string
  message?: string
  code?: string
  subCode?: string
  retryable?: boolean
  ambiguous?: boolean
  banMs?: number
  method?: string
}

function isAliExpressError(error: unknown): error is ErrorLike {
  const e = error as ErrorLike | null
  return !!e && typeof e === "object" && typeof e.name === "string" && /^AliExpress\w*Error$/.test(e.name) && typeof e.code === "string"
}

function codeOf(e: ErrorLike): string {
  return e.subCode ? `${e.code}/${e.subCode}` : e.code ?? "Unknown"
}

/** What an admin route answers for an AliExpress error, or null when the error is not one. */
export function mapAliExpressError(error: unknown): MappedError | null {
  if (!isAliExpressError(error)) {
    return null
  }
  const code = codeOf(error)
  const said = `AliExpress answered ${code}: ${error.message ?? "no message"}`
  const name = error.name ?? ""

  if (name === "AliExpressAuthError" || AUTH_CODES.has(error.code ?? "") || AUTH_CODES.has(error.subCode ?? "")) {
    return {
      status: 400,
      body: { type: MedusaError.Types.NOT_ALLOWED, code, message: `The AliExpress account needs reconnecting (${said}). Open Settings and connect again.` },
    }
  }
  if (name === "AliExpressRateLimitError") {
    const seconds = Math.max(1, Math.ceil((error.banMs ?? 1000) / 1000))
    return {
      status: 429,
      body: { type: "rate_limited", code, message: `AliExpress is limiting calls: retry in ${seconds} s (${said}).` },
    }
  }
  if (!error.retryable && (PARAMETER_CODE.test(error.code ?? "") || PARAMETER_CODE.test(error.subCode ?? ""))) {
    return {
      status: 400,
      body: { type: MedusaError.Types.INVALID_DATA, code, message: `AliExpress refused a parameter: ${error.message} (${code})` },
    }
  }
  if (!error.retryable && error.code !== "UnexpectedResponse") {
    return { status: 400, body: { type: MedusaError.Types.NOT_ALLOWED, code, message: `AliExpress refused the request: ${said}` } }
  }
  const timedOut = name === "AliExpressTimeoutError"
  return {
    status: timedOut ? 504 : 502,
    body: {
      type: "aliexpress_unavailable",
      code,
      message: timedOut
        ? `AliExpress did not answer in time (${code}): try again in a moment.`
        : `AliExpress failed to answer: ${error.message ?? "no message"} (${code}). Try again in a moment.`,
    },
  }
}

/** The same mapping as a MedusaError, for code that throws rather than answers (4xx cases only). */
export function toMedusaError(error: unknown): MedusaError | null {
  const mapped = mapAliExpressError(error)
  if (!mapped || mapped.status >= 500 || mapped.status === 429) {
    return null
  }
  const type = mapped.body.type === MedusaError.Types.INVALID_DATA ? MedusaError.Types.INVALID_DATA : MedusaError.Types.NOT_ALLOWED
  return new MedusaError(type, mapped.body.message, mapped.body.code)
}

type Handler<Req extends MedusaRequest> = (req: Req, res: MedusaResponse) => Promise<unknown> | unknown

/**
 * Wraps a route that may reach AliExpress: its AliExpress errors answer as mapped above (with
 * no stack trace); every other error goes on to Medusa's error handler unchanged.
 */
export function withAliExpressErrors<Req extends MedusaRequest>(handler: Handler<Req>): Handler<Req> {
  return async (req, res) => {
    try {
      return await handler(req, res)
    } catch (error) {
      const mapped = mapAliExpressError(error)
      if (!mapped || res.headersSent) {
        throw error
      }
      const logger = req.scope?.resolve?.("logger") as { warn?: (m: string) => void } | undefined
      logger?.warn?.(`AliExpress error on ${req.method} ${req.path}: ${mapped.status} ${mapped.body.message}`)
      res.status(mapped.status).json(mapped.body)
    }
  }
}
