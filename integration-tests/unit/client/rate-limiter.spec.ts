import { AliExpressClient } from "../../../src/lib/aliexpress"
import { AppRateLimiter } from "../../../src/lib/aliexpress/rate-limiter"
import { RateLimiter as GatewayWindow } from "../../../src/sandbox/rate-limiter"
import { startFakeGateway, syncError, syncOk, type FakeHandler } from "./support/fake-gateway"

const METHOD = "aliexpress.solution.order.get"
const OK = syncOk(METHOD, { result: { total_count: 0, total_page: 0, current_page: 1, target_list: {} } })
const LIMIT = { type: "ISV", code: "ApiCallLimit", msg: "API access frequently exceeds the limit. This ban will last 1 seconds" }

/** Answers ApiCallLimit, and bans for 1 s, when more than `perSecond` calls arrive in a sliding second. */
function limitedGateway(perSecond: number) {
  const accepted: number[] = []
  const stats = { limited: 0, served: 0 }
  let bannedUntil = 0
  const handler: FakeHandler = () => {
    const now = Date.now()
    while (accepted.length && accepted[0] <= now - 1000) {
      accepted.shift()
    }
    if (now < bannedUntil || accepted.length >= perSecond) {
      bannedUntil = Math.max(bannedUntil, now + 1000)
      stats.limited++
      return syncError(LIMIT)
    }
    accepted.push(now)
    stats.served++
    return OK
  }
  return { handler, stats }
}

describe("rate limiter", () => {
  let gateway: Awaited<ReturnType<typeof startFakeGateway>> | undefined
  afterEach(async () => {
    await gateway?.stop()
    gateway = undefined
  })

  function clientFor(url: string, appKey: string, callsPerSecond: number) {
    return new AliExpressClient({
      baseUrl: url,
      appKey,
      appSecret: "secret",
      tokens: { accessToken: "t" },
      rateLimit: { callsPerSecond },
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
    })
  }

  it("a burst of twice the rate reaches the caller without any ApiCallLimit", async () => {
    const { handler, stats } = limitedGateway(10)
    gateway = await startFakeGateway(handler)
    const client = clientFor(gateway.url, "burst-app", 10)
    const started = Date.now()
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => client.listOrders()))
    expect(results.filter((r) => r.status === "rejected")).toEqual([])
    expect(stats.served).toBe(20)
    expect(stats.limited).toBeLessThanOrEqual(2)
    // Paced, not bunched: 20 calls at 10/s take about two seconds.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1800)
  })

  it("clients of the same app key share one limit", async () => {
    const { handler, stats } = limitedGateway(10)
    gateway = await startFakeGateway(handler)
    const first = clientFor(gateway.url, "shared-app", 10)
    const second = clientFor(gateway.url, "shared-app", 10)
    const calls = Array.from({ length: 20 }, (_, i) => (i % 2 ? first : second).listOrders())
    const results = await Promise.allSettled(calls)
    expect(results.filter((r) => r.status === "rejected")).toEqual([])
    expect(stats.served).toBe(20)
  })

  it("an ApiCallLimit ban pauses the method for every caller, then the call is retried", async () => {
    let banStartedAt = 0
    const arrivals: number[] = []
    gateway = await startFakeGateway((_, index) => {
      arrivals.push(Date.now())
      if (index === 0) {
        banStartedAt = Date.now()
        return syncError(LIMIT)
      }
      return OK
    })
    const client = clientFor(gateway.url, "ban-app", 50)
    await client.listOrders()
    await Promise.all([client.listOrders(), client.listOrders()])
    expect(arrivals).toHaveLength(4)
    for (const arrival of arrivals.slice(1)) {
      expect(arrival - banStartedAt).toBeGreaterThanOrEqual(1000)
    }
  })

  it("leaves room for a pause of 80 ms on the way: calls it gathers still fit the gateway's sliding second", async () => {
    const rate = 100
    const limiter = new AppRateLimiter()
    const departures: number[] = []
    for (let i = 0; i < 260; i++) {
      await limiter.acquire(METHOD, rate)
      departures.push(Date.now())
    }
    // Twice, more than a second apart, nothing arrives for 80 ms; what left meanwhile arrives
    // together when the pause ends.
    const pauses = [departures[100], departures[210]].map((start) => ({ start, end: start + 80 }))
    const arrivals = departures.map((at) => pauses.find((p) => at >= p.start && at < p.end)?.end ?? at)
    const gateway = new GatewayWindow(() => rate, () => 1000)
    const refused = arrivals.filter((at) => !gateway.allow("app", "seller", METHOD, at))
    expect(refused).toEqual([])
    expect(arrivals.filter((at, i) => at !== departures[i]).length).toBeGreaterThanOrEqual(10)
  })

  it("paces callers at the configured rate per method", async () => {
    const limiter = new AppRateLimiter()
    const started = Date.now()
    await Promise.all(Array.from({ length: 6 }, () => limiter.acquire("m", { m: 20, default: 1 })))
    const elapsed = Date.now() - started
    expect(elapsed).toBeGreaterThanOrEqual(240)
    expect(elapsed).toBeLessThan(1000)
  })
})
