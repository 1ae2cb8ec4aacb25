import {
  AliExpressAuthError,
  AliExpressError,
  AliExpressPermanentError,
  AliExpressRateLimitError,
  AliExpressRetryableError,
} from "./errors"

/** The fields an AliExpress error can carry, in either envelope (/sync `error_response` or /rest root). */
export interface ErrorEnvelope {
  type?: unknown
  code?: unknown
  msg?: unknown
  message?: unknown
  sub_code?: unknown
  sub_msg?: unknown
  request_id?: unknown
}

export interface ErrorContext {
  method?: string
  httpStatus?: number
}

const RATE_LIMIT_CODES = new Set(["ApiCallLimit", "AppCallLimit", "7"])
const AUTH_CODES = new Set([
  "IllegalAccessToken",
  "IllegalRefreshToken",
  "InvalidCode",
  "AccessTokenExpired",
  "RefreshTokenExpired",
  "InvalidSession",
  "SessionExpired",
  "26", // TOP: missing session
  "27", // TOP: invalid session
])
/** AliExpress-side failures that say nothing about the request itself. */
const SYSTEM_CODES = new Set(["F00-10-10000-001", "UnknownRuntimeException", "ServiceUnavailable", "ISP_ERROR"])

/** Access-token rejections the client answers by refreshing the token once. */
export const ACCESS_TOKEN_REJECTIONS = new Set(["IllegalAccessToken", "AccessTokenExpired", "InvalidSession", "SessionExpired", "27"])

function text(value: unknown): string | undefined {
  if (value === undefined || value === null || value === "") {
    return undefined
  }
  return String(value)
}

export function isSystemCode(code: string | undefined): boolean {
  return !!code && (SYSTEM_CODES.has(code) || /^isp[.\-_]/i.test(code))
}

/** Maps an AliExpress error envelope to the client's error classes, keeping the codes. */
export function toAliExpressError(envelope: ErrorEnvelope, context: ErrorContext = {}): AliExpressError {
  const code = text(envelope.code) ?? "Unknown"
  const subCode = text(envelope.sub_code)
  const details = {
    code,
    subCode,
    message: text(envelope.sub_msg) ?? text(envelope.msg) ?? text(envelope.message) ?? code,
    requestId: text(envelope.request_id),
    method: context.method,
    httpStatus: context.httpStatus,
  }
  const type = text(envelope.type)?.toUpperCase()

  if (RATE_LIMIT_CODES.has(code) || RATE_LIMIT_CODES.has(subCode ?? "")) {
    return new AliExpressRateLimitError(details)
  }
  if (AUTH_CODES.has(code) || AUTH_CODES.has(subCode ?? "")) {
    return new AliExpressAuthError(details)
  }
  if (isSystemCode(code) || isSystemCode(subCode) || type === "ISP" || type === "SYSTEM") {
    return new AliExpressRetryableError(details)
  }
  return new AliExpressPermanentError(details)
}

/**
 * A failure reported inside a success envelope (`result.success=false` with `error_code`):
 * permanent unless the code names an AliExpress system error.
 */
export function toMethodFailure(
  code: string | undefined,
  message: string | undefined,
  context: ErrorContext & { requestId?: string } = {}
): AliExpressError {
  const details = {
    code: code ?? "MethodFailed",
    message: message ?? code ?? "AliExpress reported a failure",
    requestId: context.requestId,
    method: context.method,
    httpStatus: context.httpStatus,
  }
  if (code && RATE_LIMIT_CODES.has(code)) {
    return new AliExpressRateLimitError(details)
  }
  return isSystemCode(code) ? new AliExpressRetryableError(details) : new AliExpressPermanentError(details)
}
