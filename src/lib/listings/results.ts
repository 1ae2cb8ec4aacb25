import type { Problem } from "../mapping"
import { retryDelayMs } from "./config"
import { fullHash, type Hashes, type PlannedListing } from "./plan"
import { classifyFailure, describeError, marketplaceProblem } from "./problems"
import { searchText } from "./search-text"

type Row = { attempts?: number | null }

/** Row fields common to every outcome of a planned listing. */
export function identityFields(plan: PlannedListing) {
  return {
    product_title: plan.title,
    sku_codes: plan.sku_codes,
    search_text: searchText(plan.title, plan.sku_codes),
  }
}

export function sentFields(plan: PlannedListing, hashes: Partial<Hashes>, now: Date) {
  return {
    ...identityFields(plan),
    ...(hashes.content !== undefined ? { content_hash: hashes.content } : {}),
    ...(hashes.price !== undefined ? { price_hash: hashes.price } : {}),
    ...(hashes.stock !== undefined ? { stock_hash: hashes.stock } : {}),
    problems: [] as Problem[],
    problem_count: 0,
    last_error: null,
    refused_hash: null,
    attempts: 0,
    next_attempt_at: null,
    last_synced_at: now,
  }
}

/**
 * What a failed call leaves on the listing: a refusal becomes a marketplace problem (and the
 * refused payload is not sent again until the product changes); a transport failure becomes
 * `error` with a retry time; nothing is dropped.
 */
export function failureFields(plan: PlannedListing, row: Row, error: unknown, now: Date) {
  const kind = classifyFailure(error)
  const attempts = (row.attempts ?? 0) + 1
  if (kind === "refused") {
    const problem = marketplaceProblem(error)
    return {
      ...identityFields(plan),
      status: "invalid" as const,
      problems: [problem],
      problem_count: 1,
      last_error: describeError(error),
      refused_hash: plan.hashes ? fullHash(plan.hashes) : null,
      attempts,
      next_attempt_at: null,
      last_synced_at: now,
    }
  }
  return {
    ...identityFields(plan),
    status: "error" as const,
    last_error: describeError(error),
    attempts,
    next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts)),
    last_synced_at: now,
  }
}
