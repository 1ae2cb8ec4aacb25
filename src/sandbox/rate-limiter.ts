interface Window {
  times: number[]
  bannedUntil: number
}

/**
 * Calls-per-second limit per app, seller and method over a sliding one-second window, with a ban.
 * Calls that carry no seller (token create and refresh) are limited per app and method.
 */
export class RateLimiter {
  private windows = new Map<string, Window>()

  constructor(private readonly limitFor: (method: string) => number, private readonly banMs: () => number) {}

  /** Returns true when the call may proceed. */
  allow(appKey: string, sellerId: string | undefined, method: string, now = Date.now()): boolean {
    const limit = this.limitFor(method)
    if (!limit) {
      return true
    }
    const key = sellerId === undefined ? `${appKey}|${method}` : `${appKey}|${sellerId}|${method}`
    let window = this.windows.get(key)
    if (!window) {
      window = { times: [], bannedUntil: 0 }
      this.windows.set(key, window)
    }
    if (window.bannedUntil > now) {
      return false
    }
    while (window.times.length && window.times[0] <= now - 1000) {
      window.times.shift()
    }
    if (window.times.length >= limit) {
      window.bannedUntil = now + this.banMs()
      window.times = []
      return false
    }
    window.times.push(now)
    return true
  }

  clear(): void {
    this.windows.clear()
  }
}
