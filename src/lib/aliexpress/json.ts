import { isSafeNumber, LosslessNumber, parse, stringify } from "lossless-json"

/**
 * Keys whose values are identifiers. AliExpress sends product, order and job ids as bare JSON
 * numbers that can exceed 2^53, so every id becomes a string, whatever its size, to give callers
 * one type to store and compare.
 */
const ID_KEY = /(^id$|_id$|_ids$|[a-z]Ids?$)/

export function isIdKey(key: string): boolean {
  return ID_KEY.test(key)
}

/**
 * Parses a response body without losing digits: numbers that a double cannot hold exactly stay
 * strings, and every number under an id key becomes a string.
 */
export function parseJsonLosslessly(text: string): unknown {
  const value = parse(text, null, (digits: string) =>
    isSafeNumber(digits, { approx: true }) ? Number(digits) : digits
  )
  return stringifyIds(value, false)
}

function stringifyIds(value: unknown, underIdKey: boolean): unknown {
  if (typeof value === "number") {
    return underIdKey ? String(value) : value
  }
  if (Array.isArray(value)) {
    return value.map((item) => stringifyIds(item, underIdKey))
  }
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(value)) {
      out[key] = stringifyIds(child, underIdKey || isIdKey(key))
    }
    return out
  }
  return value
}

/**
 * Serialises a JSON-valued request parameter. Digit-only id strings are written as bare numbers,
 * as the official SDKs send their Long fields, without passing through a double.
 */
export function stringifyJsonParam(value: unknown): string {
  return stringify(numericIds(value, false)) ?? "null"
}

function numericIds(value: unknown, underIdKey: boolean): unknown {
  if (typeof value === "string") {
    return underIdKey && /^-?\d+$/.test(value) ? new LosslessNumber(value) : value
  }
  if (Array.isArray(value)) {
    return value.map((item) => numericIds(item, underIdKey))
  }
  if (value && typeof value === "object" && !(value instanceof LosslessNumber)) {
    const out: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(value)) {
      if (child !== undefined) {
        out[key] = numericIds(child, isIdKey(key))
      }
    }
    return out
  }
  return value
}
