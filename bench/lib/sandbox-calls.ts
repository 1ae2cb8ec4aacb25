import type { SandboxHandle } from "../../src/sandbox"

/** AliExpress methods that change something on the seller's side. */
export const WRITE_METHODS = new Set([
  "aliexpress.photobank.redefining.uploadimageforsdk",
  "aliexpress.solution.product.post",
  "aliexpress.solution.product.edit",
  "aliexpress.solution.batch.product.price.update",
  "aliexpress.solution.batch.product.inventory.update",
  "aliexpress.postproduct.redefining.offlineaeproduct",
  "aliexpress.postproduct.redefining.onlineaeproduct",
  "aliexpress.solution.batch.product.delete",
  "aliexpress.solution.order.fulfill",
  "aliexpress.logistics.sellermodifiedshipmentfortop",
])

export const METHOD = {
  upload: "aliexpress.photobank.redefining.uploadimageforsdk",
  post: "aliexpress.solution.product.post",
  price: "aliexpress.solution.batch.product.price.update",
  stock: "aliexpress.solution.batch.product.inventory.update",
}

export type CallCounts = { calls: Record<string, number>; rejected: Record<string, number> }

/**
 * The sandbox counts every call it receives per method (rejected ones too, before dispatch)
 * and, separately, each rejection per error code (`ApiCallLimit` for the rate limit).
 */
export function readCalls(sandbox: SandboxHandle): CallCounts {
  return { calls: { ...sandbox.state.calls }, rejected: { ...sandbox.state.rejectedCalls } }
}

export function diffCalls(before: CallCounts, after: CallCounts): CallCounts {
  const diff = (a: Record<string, number>, b: Record<string, number>) =>
    Object.fromEntries(
      Object.keys(b)
        .map((k) => [k, b[k] - (a[k] ?? 0)] as const)
        .filter(([, v]) => v > 0)
    )
  return { calls: diff(before.calls, after.calls), rejected: diff(before.rejected, after.rejected) }
}

export const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0)

export const writes = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).filter(([k]) => WRITE_METHODS.has(k)))

/** `order.info.get=3` list for notes: the last three parts keep product.info.get and order.info.get apart. */
export function describeCalls(counts: Record<string, number>): string {
  return (
    Object.entries(counts)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k.split(".").slice(-3).join(".")}=${v}`)
      .join(", ") || "none"
  )
}
