import { AliExpressAuthError, AliExpressError } from "../aliexpress/errors"
import type { Problem } from "../mapping"

/** Hints for the AliExpress codes a listing most often meets. */
const HINTS: Array<[RegExp, string, string]> = [
  [/10007-007|duplicate.*sku/i, "skus", "Another AliExpress product already uses one of these SKU codes: change the SKU in Medusa or bind that product to this one"],
  [/10020-002|schema|invalid-parameter|invalid parameter/i, "product", "AliExpress found a field out of its rules: check the mapped values in the preview"],
  [/categor/i, "category_id", "Pick a leaf category in the mapping template"],
  [/freight/i, "freight_template_id", "Pick one of the seller's freight templates in the mapping template"],
  [/image|photo|picture/i, "photo_1", "Check that the product images are jpg, gif or png and reachable"],
  [/subject|title/i, "subject", "Shorten or change the product title"],
  [/price/i, "retail_price", "Check the variant prices and the price rules"],
]

/** A refusal by AliExpress, as a problem the merchant can act on. */
export function marketplaceProblem(error: unknown): Problem {
  const e = error as Partial<AliExpressError>
  const code = [e.code, e.subCode].filter(Boolean).join(" / ")
  const message = `AliExpress refused it${code ? ` (${code})` : ""}: ${e.message ?? String(error)}`
  const text = `${e.subCode ?? ""} ${e.code ?? ""} ${e.message ?? ""}`
  for (const [pattern, field, hint] of HINTS) {
    if (pattern.test(text)) {
      return { field, message, hint, origin: "marketplace" }
    }
  }
  return {
    field: "product",
    message,
    hint: "Fix the product data AliExpress names and save the product; it is sent again after the change",
    origin: "marketplace",
  }
}

export type FailureKind = "auth" | "refused" | "transient"

/** Refusals are data problems (not retried until the product changes); the rest is retried. */
export function classifyFailure(error: unknown): FailureKind {
  if (error instanceof AliExpressAuthError) {
    return "auth"
  }
  if (error instanceof AliExpressError && !error.retryable) {
    return "refused"
  }
  return "transient"
}

export function isAmbiguous(error: unknown): boolean {
  if (error instanceof AliExpressError) {
    return error.ambiguous
  }
  // An unknown failure (e.g. a socket reset outside the client) may have reached AliExpress.
  return true
}

export function describeError(error: unknown): string {
  if (error instanceof AliExpressError) {
    const code = [error.code, error.subCode].filter(Boolean).join(" / ")
    return `${error.name}${code ? ` (${code})` : ""}: ${error.message}`
  }
  return error instanceof Error ? error.message : String((error as any)?.message ?? error)
}
