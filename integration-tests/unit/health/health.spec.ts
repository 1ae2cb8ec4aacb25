import { applyHealthOutcome, healthState, type HealthRecord } from "../../../src/lib/health/transition"
import { failureReason, refreshTokenOutcome, rejectedListingsOutcome } from "../../../src/lib/health/conditions"
import { presentAccountHealth } from "../../../src/lib/health/present"
import { listingRulesChanged } from "../../../src/lib/listings/rule-changes"
import { reviewRecheckDelayMs, reviewRecheckDue } from "../../../src/lib/listings/review-schedule"

const fresh: HealthRecord = { last_success_at: null, last_failure_at: null, last_failure_reason: null, consecutive_failures: 0, incident_started_at: null }
const at = (s: number) => new Date(Date.UTC(2026, 10, 29, 12, 0, s))

describe("account health: one incident per outage", () => {
  it("opens on the first failure, stays one incident while failing, recovers on the next success", () => {
    const ok = applyHealthOutcome(fresh, { ok: true }, at(0))
    expect(ok.transition).toBeNull()
    const first = applyHealthOutcome(ok.next, { ok: false, reason: "AliExpress answered 500:\n  isp.unknown-error" }, at(1))
    expect(first.transition).toBe("opened")
    expect(first.next).toMatchObject({ consecutive_failures: 1, incident_started_at: at(1), last_failure_reason: "AliExpress answered 500: isp.unknown-error" })
    const second = applyHealthOutcome(first.next, { ok: false, reason: "again" }, at(2))
    expect(second.transition).toBeNull()
    expect(second.next).toMatchObject({ consecutive_failures: 2, incident_started_at: at(1), last_failure_at: at(2), last_success_at: at(0) })
    const back = applyHealthOutcome(second.next, { ok: true }, at(3))
    expect(back.transition).toBe("recovered")
    expect(back.next).toMatchObject({ consecutive_failures: 0, incident_started_at: null, last_success_at: at(3), last_failure_at: at(2) })
    expect(applyHealthOutcome(back.next, { ok: true }, at(4)).transition).toBeNull()
  })

  it("keeps reasons to one bounded line and names an empty one", () => {
    expect(applyHealthOutcome(fresh, { ok: false, reason: "x".repeat(900) }, at(0)).next.last_failure_reason).toHaveLength(500)
    expect(applyHealthOutcome(fresh, { ok: false, reason: "  " }, at(0)).next.last_failure_reason).toBe("no reason given")
  })

  it.each([
    [null, "unknown"],
    [{ last_success_at: at(0), last_failure_at: null, consecutive_failures: 0 }, "ok"],
    [{ last_success_at: at(0), last_failure_at: at(1), consecutive_failures: 1 }, "warning"],
    [{ last_success_at: at(0), last_failure_at: at(2), consecutive_failures: 2 }, "error"],
    [{ last_success_at: null, last_failure_at: at(1), consecutive_failures: 1 }, "error"],
  ] as const)("state of %j is %s", (record, state) => {
    expect(healthState(record as any)).toBe(state)
  })

  it("presents each job and condition, the worst state on top, conditions as warnings", () => {
    const health = presentAccountHealth([
      { subject: "order_import", last_success_at: at(0), last_failure_at: at(2), last_failure_reason: "down", consecutive_failures: 2, incident_started_at: at(1) },
      { subject: "token_expiry", last_success_at: null, last_failure_at: at(2), last_failure_reason: "ends soon", consecutive_failures: 5, incident_started_at: at(1) },
    ])
    expect(health.state).toBe("error")
    expect(health.order_import).toMatchObject({ state: "error", last_failure_reason: "down", consecutive_failures: 2 })
    expect(health.token_expiry.state).toBe("warning")
    expect(health.shipment_push).toMatchObject({ state: "unknown", last_failure_reason: null })
    expect(presentAccountHealth([]).state).toBe("ok")
  })
})

describe("watched conditions", () => {
  const now = at(0)
  it("flags a refresh token that ends within 7 days, or has ended", () => {
    expect(refreshTokenOutcome(null, now)).toEqual({ ok: true })
    expect(refreshTokenOutcome(new Date(now.getTime() + 8 * 86400000), now)).toEqual({ ok: true })
    expect(refreshTokenOutcome(new Date(now.getTime() + 3 * 86400000), now)).toEqual({ ok: false, reason: "The AliExpress authorisation ends on 2026-12-02 12:00 UTC: reconnect the account in Settings before then" })
    expect(refreshTokenOutcome(new Date(now.getTime() - 1000), now)).toMatchObject({ ok: false, reason: expect.stringMatching(/ended on/) })
  })

  it("keeps AliExpress' code in a failure's reason, also from a workflow's plain error object", () => {
    expect(failureReason({ name: "AliExpressRetryableError", code: "15", subCode: "isp.50001", message: "The service is temporarily unavailable" })).toBe(
      "AliExpress answered 15/isp.50001: The service is temporarily unavailable"
    )
    expect(failureReason(new Error("Unable to acquire a connection"))).toBe("Unable to acquire a connection")
  })

  it("names the rejected listings with an example", () => {
    expect(rejectedListingsOutcome(0)).toEqual({ ok: true })
    expect(rejectedListingsOutcome(2, { title: "Red Tee", reason: "banned word" })).toEqual({ ok: false, reason: '2 listings were rejected by AliExpress review. For example "Red Tee": banned word' })
  })
})

describe("review rechecks", () => {
  const min = 60000
  it("asks every 20 s for the first 10 minutes, then backs off to the configured spacing", () => {
    expect(reviewRecheckDelayMs(0, 5 * min)).toBe(20000)
    expect(reviewRecheckDelayMs(9 * min, 5 * min)).toBe(20000)
    expect(reviewRecheckDelayMs(11 * min, 5 * min)).toBe(2 * min)
    expect(reviewRecheckDelayMs(2 * 60 * min, 5 * min)).toBe(5 * min)
    expect(reviewRecheckDelayMs(null, 5 * min)).toBe(5 * min)
    // A spacing configured shorter than 20 s is kept (tests, "sync now").
    expect(reviewRecheckDelayMs(0, 0)).toBe(0)
  })

  it("is due when never asked or asked longer ago than the delay", () => {
    expect(reviewRecheckDue(30000, null, min)).toBe(true)
    expect(reviewRecheckDue(30000, 10000, min)).toBe(false)
    expect(reviewRecheckDue(30000, 21000, min)).toBe(true)
    // The watch's 20 s tick lands a moment early for a mark set at the end of the sync run.
    expect(reviewRecheckDue(30000, 19000, min)).toBe(true)
    expect(reviewRecheckDue(30000, 17000, min)).toBe(false)
    expect(reviewRecheckDue(null, 30000, min)).toBe(false)
  })
})

describe("rule changes", () => {
  const prev = { markup_percent: 10, stock_buffer: 0, max_quantity: null, stock_location_ids: ["sloc_1"], order_import_interval_minutes: 1 }
  it.each([
    [{ markup_percent: 10 }, false],
    [{ markup_percent: 20 }, true],
    [{ max_quantity: 5 }, true],
    [{ stock_location_ids: ["sloc_1"] }, false],
    [{ stock_location_ids: ["sloc_1", "sloc_2"] }, true],
    [{ order_import_interval_minutes: 5 }, false],
  ])("%j changes the listings: %s", (next, changed) => {
    expect(listingRulesChanged(prev, next)).toBe(changed)
  })
  it("a first save changes nothing to re-sync", () => {
    expect(listingRulesChanged(null, { markup_percent: 20 })).toBe(false)
  })
})
