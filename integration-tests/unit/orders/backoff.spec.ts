import { nextAttemptAt } from "../../../src/lib/orders/backoff"

const now = Date.parse("2026-11-29T12:00:00.000Z")
const SECOND = 1000

describe("nextAttemptAt", () => {
  it.each([
    { name: "no attempt yet: 30 s", attempts: 0, delay: 30 * SECOND },
    { name: "after the first attempt: 30 s", attempts: 1, delay: 30 * SECOND },
    { name: "after the second: 1 min", attempts: 2, delay: 60 * SECOND },
    { name: "after the third: 2 min", attempts: 3, delay: 120 * SECOND },
    { name: "after the seventh: 32 min", attempts: 7, delay: 32 * 60 * SECOND },
    { name: "after the eighth: 64 min, capped at one hour", attempts: 8, delay: 3600 * SECOND },
    { name: "far past the cap: one hour", attempts: 50, delay: 3600 * SECOND },
    { name: "a negative count is treated as none", attempts: -3, delay: 30 * SECOND },
  ])("$name", ({ attempts, delay }) => {
    expect(nextAttemptAt(attempts, now).getTime() - now).toBe(delay)
  })
})
