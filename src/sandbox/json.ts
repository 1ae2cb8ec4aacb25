import { parse as losslessParse } from "lossless-json"

/** An id that must be written as a bare JSON number however large it is. */
export class BigId {
  constructor(readonly value: string) {}
}

/** A list that AliExpress wraps in an object (`{ order_dto: [...] }`) unless `simplify=true`. */
export class WrappedList {
  constructor(readonly key: string, readonly items: unknown[]) {}
}

export const id = (value: string | number | bigint): BigId => new BigId(String(value))
export const wrap = (key: string, items: unknown[]): WrappedList => new WrappedList(key, items)

const MARK = "\u0001AEID:"
const MARK_RE = /"\\u0001AEID:(-?\d+)"/g

function prepare(value: unknown, simplify: boolean): unknown {
  if (value instanceof BigId) {
    return /^-?\d+$/.test(value.value) ? MARK + value.value : value.value
  }
  if (value instanceof WrappedList) {
    const items = value.items.map((item) => prepare(item, simplify))
    return simplify ? items : { [value.key]: items }
  }
  if (Array.isArray(value)) {
    return value.map((item) => prepare(item, simplify))
  }
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      // AliExpress omits absent fields rather than sending null.
      if (item === undefined || item === null) {
        continue
      }
      out[key] = prepare(item, simplify)
    }
    return out
  }
  return value
}

/** Serializes a response: big ids as bare numbers, wrapped lists per mode. */
export function renderJson(value: unknown, simplify = false): string {
  return JSON.stringify(prepare(value, simplify)).replace(MARK_RE, "$1")
}

function parseNumber(text: string): number | string {
  if (/^-?\d+$/.test(text)) {
    const n = Number(text)
    return Number.isSafeInteger(n) ? n : text
  }
  return Number(text)
}

/** Parses request JSON keeping integers beyond 2^53 as digit strings. */
export function parseJsonLossless(text: string): unknown {
  return losslessParse(text, null, parseNumber)
}
