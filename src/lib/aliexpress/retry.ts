import { AliExpressError, AliExpressRateLimitError } from "./errors"

export interface RetryOptions {
  /** Total attempts including the first (default 4). */
  maxAttempts?: number
  baseDelayMs?: number
  maxDelayMs?: number
}

export interface CallSafety {
  /**
   * Whether sending the call twice has the same effect as once. Non-idempotent calls (creating a
   * product, shipping an order) are not retried after an ambiguous failure: the caller looks the
   * result up first.
   */
  idempotent: boolean
}

export const DEFAULT_RETRY: Required<RetryOptions> = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 8000 }

export function shouldRetry(error: unknown, safety: CallSafety): boolean {
  if (!(error instanceof AliExpressError) || !error.retryable) {
    return false
  }
  return safety.idempotent || !error.ambiguous
}

/** Full jitter: a uniform delay in [0, min(max, base * 2^(attempt-1))]. */
export function backoffDelayMs(attempt: number, options: Required<RetryOptions>): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1))
  return Math.floor(Math.random() * ceiling)
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Runs `attempt` until it succeeds, fails with an error not worth retrying, or runs out of
 * attempts. Rate-limit bans are waited out by the rate limiter, so they get no extra backoff.
 */
export async function withRetry<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  safety: CallSafety,
  options: RetryOptions = {},
  onRetry?: (error: AliExpressError, attemptNumber: number, delayMs: number) => void
): Promise<T> {
  const settings = { ...DEFAULT_RETRY, ...stripUndefined(options) }
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await attempt(attemptNumber)
    } catch (error) {
      if (attemptNumber >= settings.maxAttempts || !shouldRetry(error, safety)) {
        throw error
      }
      const failure = error as AliExpressError
      const delay = failure instanceof AliExpressRateLimitError ? 0 : backoffDelayMs(attemptNumber, settings)
      onRetry?.(failure, attemptNumber, delay)
      if (delay > 0) {
        await sleep(delay)
      }
    }
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
