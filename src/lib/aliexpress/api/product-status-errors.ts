import type { ProductStatusChangeResult } from "../types"

type StatusChangeError = ProductStatusChangeResult["errors"][number]

function text(value: unknown): string | undefined {
  return value === undefined || value === null || value === "" ? undefined : String(value)
}

function ids(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.flat(3).map(String)
  }
  if (typeof value === "string" || typeof value === "number") {
    return String(value).split(/[;,]/).filter(Boolean)
  }
  if (value && typeof value === "object") {
    return Object.values(value).flatMap(ids)
  }
  return []
}

/**
 * `error_details` of offline/online has no published shape: both a (wrapped) list of
 * `{error_code, error_message, product_ids}` and a map of product id -> message are read.
 */
export function toStatusChangeErrors(details: unknown): StatusChangeError[] {
  if (!details || typeof details !== "object") {
    return typeof details === "string" && details ? [{ message: details, productIds: [] }] : []
  }
  const list = Array.isArray(details) ? details : Object.values(details).find(Array.isArray)
  if (list) {
    return list.map((item: Record<string, unknown>) => ({
      code: text(item?.error_code ?? item?.code),
      message: text(item?.error_message ?? item?.error_msg ?? item?.message),
      productIds: ids(item?.product_ids ?? item?.product_id),
    }))
  }
  return Object.entries(details).map(([productId, message]) => ({ message: text(message), productIds: [productId] }))
}
