import { FAILED_ORDER_RETRY_MS } from "./constants"

/** Exponential backoff from 30 s, doubled per attempt, capped at one hour. */
export function nextAttemptAt(attempts: number, now = Date.now()): Date {
  const delay = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000)
  return new Date(now + delay)
}

/**
 * When a held or failed order is tried again: one minute after its first attempt, doubled per
 * attempt, at most an hour, so a backlog of orders that cannot be imported yet (SKUs unknown to
 * the store, no stock) does not take every run. A store change that could resolve one retries
 * it at once instead.
 */
export function orderRetryAt(attempts: number, now = Date.now()): Date {
  return new Date(now + Math.min(FAILED_ORDER_RETRY_MS * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000))
}
