import { activityDay, activitySeries, activityTotals, countsToWrite, listingSyncActivity, windowStart } from "../../../src/lib/activity/daily-activity"

const NOW = new Date("2026-11-29T18:30:00Z")

describe("daily activity", () => {
  it("keys counters by UTC day", () => {
    expect(activityDay(new Date("2026-11-29T23:59:59-05:00"))).toBe("2026-11-30")
    expect(windowStart(30, NOW)).toBe("2026-10-31")
    expect(windowStart(1, NOW)).toBe("2026-11-29")
  })

  it("writes only known kinds with positive whole counts", () => {
    expect(countsToWrite({ orders_imported: 2, listings_posted: 0, shipments_failed: 1.7, ...({ bogus: 4 } as object) })).toEqual([
      ["orders_imported", 2],
      ["shipments_failed", 1],
    ])
  })

  it("spreads rows over every day of the window, zeros included, oldest first", () => {
    const series = activitySeries(
      [
        { day: "2026-11-29", kind: "orders_imported", count: 3 },
        { day: "2026-11-27", kind: "listings_failed", count: 2 },
        { day: "2026-10-01", kind: "orders_imported", count: 9 },
        { day: "2026-11-29", kind: "unknown_kind", count: 5 },
      ],
      7,
      NOW
    )
    expect(series.map((d) => d.day)).toEqual(["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"])
    expect(series[6]).toMatchObject({ orders_imported: 3, listings_posted: 0 })
    expect(series[4].listings_failed).toBe(2)
    expect(activityTotals(series)).toMatchObject({ orders_imported: 3, listings_failed: 2, shipments_pushed: 0 })
  })

  it("counts a listing page's posts, updates and failures", () => {
    const plans = [
      { listing_id: "a", action: "post" },
      { listing_id: "b", action: "post" },
      { listing_id: "c", action: "edit" },
      { listing_id: "d", action: "update" },
      { listing_id: "e", action: "invalid" },
      { listing_id: "f", action: "none" },
    ]
    expect(listingSyncActivity(plans, ["b"])).toEqual({ listings_posted: 1, listings_updated: 2, listings_failed: 1 })
  })
})
