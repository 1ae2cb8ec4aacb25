interface Window {
  times: number[]
  bannedUntil: number
}

/** Per app+method calls-per-second limit over a sliding one-second window, with a ban. */
export class RateLimiter {
  private windows = new Map<string, Window>()

  constructor(private readonly limitFor: (method: string) => number, private readonly banMs: () => number) {}

  /** Returns true when the call may proceed. */
  allow(appKey: string, method: string, now = Date.now()): boolean {
    const limit = this.limitFor(method)
    if (!limit) {
      return true
    }
    const key = `${appKey}|${method}`
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
