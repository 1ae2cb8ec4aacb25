import { BusinessError, invalid, missing } from "./errors"
import { parseJsonLossless } from "./json"
import { SandboxStore, SellerState } from "./store"

export interface UploadedFile {
  fileName?: string
  contentType?: string
  data: Buffer
}

/** What a method handler sees of one API call. */
export interface MethodContext {
  params: Record<string, string>
  files: Record<string, UploadedFile>
  store: SandboxStore
  /** The seller the call's access token belongs to; every catalogue, order and image lookup goes here. */
  seller: SellerState
  /** Origin of this sandbox as the caller reached it, e.g. `http://127.0.0.1:9100`. */
  baseUrl: string
  /** Host names accepted in image-bank URLs. */
  imageHosts: Set<string>
}

export type MethodHandler = (ctx: MethodContext) => Record<string, unknown>

export interface MethodDef {
  required?: string[]
  handler: MethodHandler
}

export function requireParam(ctx: MethodContext, name: string): string {
  const value = ctx.params[name]
  if (value === undefined || value === "") {
    throw missing(name)
  }
  return value
}

/** A JSON-valued parameter, parsed keeping big integers exact. */
export function jsonParam(ctx: MethodContext, name: string): unknown {
  const text = requireParam(ctx, name)
  try {
    return parseJsonLossless(text)
  } catch {
    throw invalid(name, "is not valid JSON")
  }
}

export function asObject(value: unknown, field: string): Record<string, unknown> {
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw invalid(field, "must be a JSON object")
  }
  return value as Record<string, unknown>
}

/** An id given as number or digit string, returned as a digit string. */
export function idValue(value: unknown, field: string): string {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : ""
  if (!/^\d{1,20}$/.test(text)) {
    throw invalid(field, "must be a numeric id")
  }
  return text.replace(/^0+(?=\d)/, "")
}

/** An integer given as number or digit string; undefined when absent. */
export function intValue(value: unknown, field: string, min: number, max: number): number | undefined {
  if (value === undefined || value === null || value === "") {
    return undefined
  }
  const n = typeof value === "number" ? value : typeof value === "string" && /^-?\d+$/.test(value.trim()) ? Number(value) : NaN
  if (!Number.isInteger(n) || n < min || n > max) {
    throw invalid(field, `must be an integer between ${min} and ${max}`)
  }
  return n
}

export function idList(text: string, field: string, max: number): string[] {
  const ids = text
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean)
  if (ids.length === 0) {
    throw invalid(field, "must list at least one product id")
  }
  if (ids.length > max) {
    throw invalid(field, `must list at most ${max} product ids`)
  }
  return ids.map((value) => idValue(value, field))
}

export function notFound(subCode: string, message: string): BusinessError {
  return new BusinessError(subCode, message)
}

const KF_PATH = /^\/kf\/([A-Za-z0-9_-]+)\.(jpg|png|gif)$/

/** True when `url` points at an image in the calling seller's image bank. */
export function isImageBankUrl(ctx: MethodContext, url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (!ctx.imageHosts.has(parsed.hostname)) {
    return false
  }
  const match = KF_PATH.exec(parsed.pathname)
  const image = match ? ctx.seller.images.get(match[1]) : undefined
  return !!image && image.ext === match![2]
}
