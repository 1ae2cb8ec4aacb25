export type CallsPerSecond = number | Record<string, number>

export const DEFAULT_CALLS_PER_SECOND = 20
/** Added to an AliExpress ban so the first call after it does not land on its last millisecond. */
const BAN_MARGIN_MS = 100
/**
 * Calls are spaced 5% wider than the nominal rate: network jitter can bring two calls closer at
 * the gateway than they left here, and the (N+1)th call of a second must not land inside it.
 */
const SPACING_SLACK = 1.05

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Token bucket of capacity one for one (app key, method): calls are spaced 1/rate apart.
 * AliExpress counts calls per second per API; a bucket that saved up a burst of C tokens would let
 * C + rate calls into one second and get the app banned, so no burst is saved.
 */
class MethodLimiter {
  private nextSlotAt = 0
  private bannedUntil = 0
  /** Bumped by each ban so callers that reserved a slot before it reserve again after it. */
  private generation = 0

  private intervalMs: number

  constructor(callsPerSecond: number) {
    this.intervalMs = spacingMs(callsPerSecond)
  }

  setRate(callsPerSecond: number): void {
    this.intervalMs = spacingMs(callsPerSecond)
  }

  async acquire(): Promise<void> {
    for (;;) {
      const now = Date.now()
      const generation = this.generation
      const start = Math.max(now, this.nextSlotAt, this.bannedUntil)
      this.nextSlotAt = start + this.intervalMs
      if (start > now) {
        await sleep(start - now)
      }
      if (generation === this.generation && Date.now() >= this.bannedUntil) {
        return
      }
    }
  }

  ban(ms: number): void {
    const until = Date.now() + ms + BAN_MARGIN_MS
    if (until > this.bannedUntil) {
      this.bannedUntil = until
      this.nextSlotAt = until
      this.generation++
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
