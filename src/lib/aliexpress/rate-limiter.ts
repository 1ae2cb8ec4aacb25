export type CallsPerSecond = number | Record<string, number>

export const DEFAULT_CALLS_PER_SECOND = 20
/** Added to an AliExpress ban so the first call after it does not land on its last millisecond. */
const BAN_MARGIN_MS = 100
/**
 * Calls are spaced 10% wider than the nominal rate. The gateway counts calls as they arrive in
 * a sliding second, and a pause anywhere on the way (network jitter, a collection in this
 * process before the request is written, the gateway's own) gathers calls that left evenly
 * spaced. With spacing k/R the calls a pause gathers still fit the second if the pause is
 * shorter than 1000 (k - 1) ms less one spacing: about 90 ms at R = 100 for k = 1.1, 40 ms for
 * the 5% this had (timers only ever add to the spacing). The first sync of 100,000 products
 * against the sandbox met 3 bans in 300,000 calls with 5%.
 */
const SPACING_SLACK = 1.1

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Spacing of one (app key, method): calls leave at least 1/rate apart, measured on the real
 * clock when each one leaves. AliExpress counts calls per second per API; saving up a burst
 * would let more than `rate` calls into one second and get the app banned, so nothing is saved
 * up. Callers queue in order; each one waits for the previous departure plus the interval, so
 * an event-loop stall cannot release several booked calls at once.
 */
class MethodLimiter {
  private lastDepartureAt = 0
  private bannedUntil = 0
  private tail: Promise<void> = Promise.resolve()

  private intervalMs: number

  constructor(callsPerSecond: number) {
    this.intervalMs = spacingMs(callsPerSecond)
  }

  setRate(callsPerSecond: number): void {
    this.intervalMs = spacingMs(callsPerSecond)
  }

  async acquire(): Promise<void> {
    const previous = this.tail
    let release!: () => void
    this.tail = new Promise<void>((resolve) => (release = resolve))
    await previous
    try {
      for (;;) {
        const wait = Math.max(this.lastDepartureAt + this.intervalMs, this.bannedUntil) - Date.now()
        if (wait <= 0) {
          break
        }
        await sleep(wait)
      }
      this.lastDepartureAt = Date.now()
    } finally {
      release()
    }
  }

  ban(ms: number): void {
    const until = Date.now() + ms + BAN_MARGIN_MS
    if (until > this.bannedUntil) {
      this.bannedUntil = until
    }
  }

  get pausedForMs(): number {
    return Math.max(0, this.bannedUntil - Date.now())
  }
}

function spacingMs(callsPerSecond: number): number {
  return (1000 / Math.max(callsPerSecond, 0.001)) * SPACING_SLACK
}

/** The limits of one app key, shared by every client of that key in this process. */
export class AppRateLimiter {
  private readonly methods = new Map<string, MethodLimiter>()

  private limiter(method: string, rate?: number): MethodLimiter {
    let limiter = this.methods.get(method)
    if (!limiter) {
      limiter = new MethodLimiter(rate ?? DEFAULT_CALLS_PER_SECOND)
      this.methods.set(method, limiter)
    } else if (rate !== undefined) {
      limiter.setRate(rate)
    }
    return limiter
  }

  /** Waits for a slot for `method` at `callsPerSecond`, and past any ban. */
  acquire(method: string, callsPerSecond: CallsPerSecond | undefined): Promise<void> {
    return this.limiter(method, rateFor(method, callsPerSecond)).acquire()
  }

  /** Pauses `method` for every caller of this app key (an `ApiCallLimit` ban). */
  ban(method: string, ms: number): void {
    this.limiter(method).ban(ms)
  }

  pausedForMs(method: string): number {
    return this.methods.get(method)?.pausedForMs ?? 0
  }
}

export function rateFor(method: string, callsPerSecond: CallsPerSecond | undefined): number {
  if (typeof callsPerSecond === "number") {
    return callsPerSecond
  }
  return callsPerSecond?.[method] ?? callsPerSecond?.default ?? DEFAULT_CALLS_PER_SECOND
}

const registry = new Map<string, AppRateLimiter>()

export function rateLimiterFor(appKey: string): AppRateLimiter {
  let limiter = registry.get(appKey)
  if (!limiter) {
    limiter = new AppRateLimiter()
    registry.set(appKey, limiter)
  }
  return limiter
}

/** Forgets every limiter: for tests that reuse an app key. */
export function resetRateLimiters(): void {
  registry.clear()
}
