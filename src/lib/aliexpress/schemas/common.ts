import { z } from "zod"

/*
 * Schemas for AliExpress responses in the default `simplify=false` mode: the client never sends
 * `simplify`, so /sync results sit under `<method_with_underscores>_response` and lists are wrapped
 * (`{"target_list": {"order_dto": [...]}}`). Field presence varies between API versions and
 * regions, so the schemas are loose: unknown keys pass through and most fields are optional.
 */

/** Ids arrive as strings after lossless parsing; numbers are accepted for hand-built payloads. */
export const idString = z.union([z.string(), z.number()]).transform((value) => String(value))

/** Decimal amounts are kept as strings so no cent is lost to floating point. */
export const decimalString = z.union([z.string(), z.number()]).transform((value) => String(value))

export const looseNumber = z.union([z.number(), z.string()]).transform((value) => Number(value))

/** Booleans sometimes arrive as "true"/"false" strings. */
export const looseBool = z
  .union([z.boolean(), z.string(), z.number()])
  .transform((value) => value === true || value === "true" || value === 1 || value === "1")

export const looseString = z.union([z.string(), z.number(), z.boolean()]).transform((value) => String(value))

/**
 * Unwraps a simplify=false list (`{"order_dto": [...]}`), accepting a plain array (simplify=true
 * shape), a single item serialised as an object, and a missing list.
 */
function unwrapList(value: unknown): unknown {
  if (value === undefined || value === null || value === "") {
    return []
  }
  if (Array.isArray(value)) {
    return value
  }
  if (typeof value === "object") {
    const children = Object.values(value as Record<string, unknown>)
    const list = children.find(Array.isArray)
    if (list) {
      return list
    }
    if (children.length === 0) {
      return []
    }
    if (children.length === 1 && children[0] && typeof children[0] === "object") {
      return [children[0]]
    }
  }
  return value
}

export function wrappedList<T extends z.ZodType>(item: T) {
  return z.preprocess(unwrapList, z.array(item))
}

/** `{amount, currency_code}`; some payloads use `currency`, some a bare amount. */
export const moneySchema = z.union([
  z.looseObject({
    amount: decimalString.optional(),
    currency_code: z.string().optional(),
    currency: z.string().optional(),
  }),
  decimalString,
])

/** `/sync` gateway or business error and `/rest` error: every field optional, codes may be numbers. */
export const errorEnvelopeSchema = z.looseObject({
  type: z.string().optional(),
  code: looseString.optional(),
  msg: z.string().optional(),
  message: z.string().optional(),
  sub_code: looseString.optional(),
  sub_msg: z.string().optional(),
  request_id: z.string().optional(),
})
