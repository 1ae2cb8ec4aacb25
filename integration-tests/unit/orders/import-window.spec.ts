import { FIRST_IMPORT_LOOKBACK_MS, MAX_WINDOW_MS, ORDER_WINDOW_OVERLAP_MS } from "../../../src/lib/orders/constants"
import { importWindow, isImportDue } from "../../../src/lib/orders/import-window"

const now = Date.parse("2026-11-29T12:00:00.000Z")
const iso = (ms: number) => new Date(ms).toISOString()
const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

describe("importWindow", () => {
  it.each([
    { name: "first import: the last three days", watermark: null, from: now - FIRST_IMPORT_LOOKBACK_MS, to: now },
    { name: "first import, watermark undefined", watermark: undefined, from: now - 3 * DAY, to: now },
    { name: "a recent watermark reaches back ten minutes", watermark: new Date(now - 5 * MINUTE), from: now - 15 * MINUTE, to: now },
    { name: "a watermark as ISO text", watermark: iso(now - 60 * MINUTE), from: now - 60 * MINUTE - ORDER_WINDOW_OVERLAP_MS, to: now },
    { name: "a watermark equal to now still looks back ten minutes", watermark: new Date(now), from: now - 10 * MINUTE, to: now },
    { name: "a gap just inside the slice size is one window", watermark: new Date(now - 29 * DAY), from: now - 29 * DAY - 10 * MINUTE, to: now },
    {
      name: "a long gap is worked off in slices of 30 days",
      watermark: new Date(now - 90 * DAY),
      from: now - 90 * DAY - 10 * MINUTE,
      to: now - 90 * DAY - 10 * MINUTE + MAX_WINDOW_MS,
    },
  ])("$name", ({ watermark, from, to }) => {
    expect(importWindow(watermark, now)).toEqual({ from: iso(from), to: iso(to) })
  })

  it("slices follow each other: the next window starts before the previous end by the overlap", () => {
    const first = importWindow(new Date(now - 90 * DAY), now)
    const second = importWindow(first.to, now)
    expect(Date.parse(second.from)).toBe(Date.parse(first.to) - ORDER_WINDOW_OVERLAP_MS)
    expect(Date.parse(second.to) - Date.parse(second.from)).toBe(MAX_WINDOW_MS)
  })
})

describe("isImportDue", () => {
  it.each([
    { name: "never run", lastRunAt: null, interval: 15, due: true },
    { name: "never run (undefined)", lastRunAt: undefined, interval: 15, due: true },
    { name: "ran a minute ago, every 15 min", lastRunAt: new Date(now - MINUTE), interval: 15, due: false },
    { name: "ran 15 min ago, every 15 min", lastRunAt: new Date(now - 15 * MINUTE), interval: 15, due: true },
    { name: "ran 20 s short of 15 min ago: a tick and a run of slack", lastRunAt: new Date(now - 15 * MINUTE + 20_000), interval: 15, due: true },
    { name: "ran 21 s short of 15 min ago: not yet", lastRunAt: new Date(now - 15 * MINUTE + 21_000), interval: 15, due: false },
    { name: "every minute, a run that ended 43 s ago (its tick 45 s ago)", lastRunAt: new Date(now - 43_000), interval: 1, due: true },
    { name: "every minute, ran 39 s ago", lastRunAt: new Date(now - 39_000), interval: 1, due: false },
    { name: "an interval of 0 is treated as one minute", lastRunAt: new Date(now - 30_000), interval: 0, due: false },
    { name: "last run as ISO text", lastRunAt: iso(now - 61 * MINUTE), interval: 60, due: true },
  ])("$name", ({ lastRunAt, interval, due }) => {
    expect(isImportDue(lastRunAt, interval, now)).toBe(due)
  })
})
