import type { AxiosError, AxiosInstance } from "axios"
import {
  AliExpressError,
  AliExpressPermanentError,
  AliExpressRateLimitError,
  AliExpressRetryableError,
  AliExpressTimeoutError,
} from "./errors"
import { stringifyJsonParam, parseJsonLosslessly } from "./json"
import { signRequest } from "./sign"

export interface TransportConfig {
  http: AxiosInstance
  baseUrl: string
  appKey: string
  appSecret: string
  timeoutMs: number
}

export interface FilePart {
  fileName: string
  bytes: Buffer
  contentType?: string
}

export interface TransportRequest {
  /** `sync` for business methods, `rest` for /rest paths such as `/auth/token/create`. */
  protocol: "sync" | "rest"
  /** The API method name (sync) or the path after /rest (rest). */
  method: string
  /** Business params; objects and arrays are sent as JSON strings, empty values are left out. */
  params: Record<string, unknown>
  accessToken?: string
  /** Multipart file parts; they are not signed. */
  files?: Record<string, FilePart>
  timeoutMs?: number
}

export interface TransportResponse {
  status: number
  body: unknown
}

const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded;charset=UTF-8"
/** Errors raised before any byte reached AliExpress: the call was certainly not executed. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"])

export function encodeParams(params: Record<string, unknown>): Record<string, string> {
  const encoded: Record<string, string> = {}
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") {
      continue
    }
    encoded[key] = typeof value === "object" ? stringifyJsonParam(value) : String(value)
  }
  return encoded
}

/**
 * System params go in the query string and business params in the body, as the official Java
 * SDK sends them; all of them are signed.
 */
export function buildSignedQuery(config: TransportConfig, request: TransportRequest, business: Record<string, string>) {
  const system: Record<string, string> = {
    app_key: config.appKey,
    timestamp: String(Date.now()),
    sign_method: "sha256",
    format: "json",
    v: "2.0",
  }
  if (request.protocol === "sync") {
    system.method = request.method
    if (request.accessToken) {
      system.session = request.accessToken
    }
  } else if (request.accessToken) {
    system.access_token = request.accessToken
  }
  const apiPath = request.protocol === "rest" ? request.method : ""
  system.sign = signRequest(config.appSecret, apiPath, { ...system, ...business })
  return system
}

export function requestUrl(config: TransportConfig, request: TransportRequest, query: Record<string, string>): string {
  const base = config.baseUrl.replace(/\/+$/, "")
  const path = request.protocol === "sync" ? "/sync" : `/rest${request.method}`
  return `${base}${path}?${new URLSearchParams(query).toString()}`
}

function buildBody(business: Record<string, string>, files: Record<string, FilePart> | undefined) {
  if (!files || Object.keys(files).length === 0) {
    return { data: new URLSearchParams(business).toString(), headers: { "Content-Type": FORM_CONTENT_TYPE } }
  }
  const form = new FormData()
  for (const [key, value] of Object.entries(business)) {
    form.append(key, value)
  }
  for (const [key, file] of Object.entries(files)) {
    const blob = new Blob([new Uint8Array(file.bytes)], { type: file.contentType ?? "application/octet-stream" })
    form.append(key, blob, file.fileName)
  }
  return { data: form, headers: {} }
}

/** Sends one signed request and returns the parsed body; throws typed errors for transport failures. */
export async function sendRequest(config: TransportConfig, request: TransportRequest): Promise<TransportResponse> {
  const business = encodeParams(request.params)
  const query = buildSignedQuery(config, request, business)
  const body = buildBody(business, request.files)
  let response
  try {
    response = await config.http.post<string>(requestUrl(config, request, query), body.data, {
      headers: body.headers,
      timeout: request.timeoutMs ?? config.timeoutMs,
      responseType: "text",
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      maxRedirects: 0,
    })
  } catch (error) {
    throw networkError(error as AxiosError, request.method)
  }
  const text = typeof response.data === "string" ? response.data : String(response.data ?? "")
  let parsed: unknown
  try {
    parsed = parseJsonLosslessly(text)
  } catch (error) {
    throw unreadableBody(response.status, request.method, error)
  }
  return { status: response.status, body: parsed }
}

/** The axios error is not kept as `cause`: its config holds the signed URL with the access token. */
function networkError(error: AxiosError, method: string): AliExpressError {
  const code = error.code ?? "NetworkError"
  const details = { code, message: `AliExpress ${method}: ${error.message}`, method }
  if (code === "ECONNABORTED" || code === "ETIMEDOUT") {
    return new AliExpressTimeoutError({ ...details, code: "Timeout" })
  }
  return new AliExpressRetryableError({ ...details, ambiguous: !NOT_SENT_CODES.has(code) })
}

/** A body that is not JSON: an HTTP error page, or a success whose answer we could not read. */
function unreadableBody(status: number, method: string, cause: unknown): AliExpressError {
  if (status >= 200 && status < 300) {
    return new AliExpressRetryableError({
      code: "MalformedResponse",
      message: `AliExpress ${method}: the response body is not valid JSON`,
      method,
      httpStatus: status,
      cause,
      ambiguous: true,
    })
  }
  return httpStatusError(status, method)
}

/** Classifies a non-2xx answer that carries no AliExpress error envelope. */
export function httpStatusError(status: number, method: string): AliExpressError {
  const details = { code: `HTTP_${status}`, message: `AliExpress ${method}: HTTP ${status}`, method, httpStatus: status }
  if (status === 429) {
    return new AliExpressRateLimitError(details)
  }
  if (status === 504 || status === 408) {
    return new AliExpressTimeoutError(details)
  }
  if (status >= 500) {
    // Only 503 says the request was not processed; after a 500 or 502 a write may have happened.
    return new AliExpressRetryableError({ ...details, ambiguous: status !== 503 })
  }
  return new AliExpressPermanentError(details)
}
