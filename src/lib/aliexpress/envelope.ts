import { AliExpressError, AliExpressRetryableError } from "./errors"
import { toAliExpressError, toMethodFailure, type ErrorEnvelope } from "./error-mapping"
import { httpStatusError, type TransportResponse } from "./transport"

type Payload = Record<string, unknown>

function isObject(value: unknown): value is Payload {
  return !!value && typeof value === "object" && !Array.isArray(value)
}

/** `aliexpress.solution.order.get` -> `aliexpress_solution_order_get_response` */
export function responseKey(method: string): string {
  return `${method.replace(/\./g, "_")}_response`
}

function malformed(method: string, status: number, what: string): AliExpressError {
  return new AliExpressRetryableError({
    code: "MalformedResponse",
    message: `AliExpress ${method}: ${what}`,
    method,
    httpStatus: status,
    ambiguous: true,
  })
}

/** Returns the `_response` object of a /sync answer, or throws the error it carries. */
export function unwrapSyncResponse(method: string, response: TransportResponse): Payload {
  const { status, body } = response
  if (isObject(body) && isObject(body.error_response)) {
    throw toAliExpressError(body.error_response as ErrorEnvelope, { method, httpStatus: status })
  }
  if (status < 200 || status >= 300) {
    throw httpStatusError(status, method)
  }
  const payload = isObject(body) ? body[responseKey(method)] : undefined
  if (!isObject(payload)) {
    throw malformed(method, status, `the response has no ${responseKey(method)}`)
  }
  return payload
}

/** Returns the root of a /rest answer (`code: "0"`), or throws the error it carries. */
export function unwrapRestResponse(path: string, response: TransportResponse): Payload {
  const { status, body } = response
  if (isObject(body) && isObject(body.error_response)) {
    throw toAliExpressError(body.error_response as ErrorEnvelope, { method: path, httpStatus: status })
  }
  const code = isObject(body) ? body.code : undefined
  if (isObject(body) && code !== undefined && String(code) !== "0") {
    throw toAliExpressError(body as ErrorEnvelope, { method: path, httpStatus: status })
  }
  if (status < 200 || status >= 300) {
    throw httpStatusError(status, path)
  }
  if (!isObject(body)) {
    throw malformed(path, status, "the response is not a JSON object")
  }
  return body
}

const SUCCESS_FLAGS = ["success", "is_success", "result_success"]
const CODE_FIELDS = ["error_code", "result_error_code", "sub_error_code", "error_msg"]
const MESSAGE_FIELDS = ["error_message", "result_error_desc", "error_desc", "error_msg", "msg"]

function firstText(source: Payload, fields: string[]): string | undefined {
  for (const field of fields) {
    const value = source[field]
    if (value !== undefined && value !== null && value !== "") {
      return String(value)
    }
  }
  return undefined
}

/**
 * Throws when a success envelope reports a failed call (`result.success=false` and its error
 * code). The flag decides: real answers carry stale `error_code`s next to `success: true`.
 */
export function assertMethodSucceeded(method: string, payload: Payload, status: number): void {
  for (const source of [payload.result, payload]) {
    if (!isObject(source)) {
      continue
    }
    const flag = SUCCESS_FLAGS.map((name) => source[name]).find((value) => value !== undefined)
    if (flag === false || flag === "false") {
      throw toMethodFailure(firstText(source, CODE_FIELDS), firstText(source, MESSAGE_FIELDS), {
        method,
        httpStatus: status,
        requestId: typeof payload.request_id === "string" ? payload.request_id : undefined,
      })
    }
  }
}
