/** What the overview charts count per day. */
export const ACTIVITY_KINDS = [
  "orders_imported",
  "listings_posted",
  "listings_updated",
  "listings_failed",
  "shipments_pushed",
  "shipments_failed",
] as const

export type ActivityKind = (typeof ACTIVITY_KINDS)[number]

export type ActivityCounts = Partial<Record<ActivityKind, number>>

export type ActivityRow = { day: string; kind: string; count: number }

export type ActivityDay = { day: string } & Record<ActivityKind, number>

const DAY_MS = 24 * 3600 * 1000

/** The UTC day of an instant, as the counter table keys it. */
export function activityDay(at: Date): string {
  return at.toISOString().slice(0, 10)
}

/** The counts worth writing: known kinds with a positive whole number. */
export function countsToWrite(counts: ActivityCounts): [ActivityKind, number][] {
  return ACTIVITY_KINDS.map((kind) => [kind, Math.floor(counts[kind] ?? 0)] as [ActivityKind, number]).filter(([, n]) => n > 0)
}

/** The first day of a window of `days` days ending today (UTC). */
export function windowStart(days: number, now: Date): string {
  return activityDay(new Date(now.getTime() - (days - 1) * DAY_MS))
}

/**
 * Counter rows as one entry per day of the window, oldest first, every kind present: days
 * with nothing happening are zeros, so a chart's axis shows the whole window.
 */
export function activitySeries(rows: readonly ActivityRow[], days: number, now: Date): ActivityDay[] {
  const byDay = new Map<string, ActivityDay>()
  for (let i = days - 1; i >= 0; i--) {
    const day = activityDay(new Date(now.getTime() - i * DAY_MS))
    byDay.set(day, { day, ...(Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, 0])) as Record<ActivityKind, number>) })
  }
  for (const row of rows) {
    const entry = byDay.get(row.day)
    if (entry && (ACTIVITY_KINDS as readonly string[]).includes(row.kind)) {
      entry[row.kind as ActivityKind] += Number(row.count) || 0
    }
  }
  return [...byDay.values()]
}

/** Totals of a series per kind (the chart headers). */
export function activityTotals(series: readonly ActivityDay[]): Record<ActivityKind, number> {
  const totals = Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, 0])) as Record<ActivityKind, number>
  for (const day of series) for (const k of ACTIVITY_KINDS) totals[k] += day[k]
  return totals
}

/**
 * What one page of a listing sync did, for the counters: posts and edits AliExpress took (price
 * and stock updates count as updates), and posts and edits that failed.
 */
export function listingSyncActivity(plans: readonly { listing_id: string; action: string }[], failed: readonly string[]): ActivityCounts {
  const failedIds = new Set(failed)
  const done = (action: string) => plans.filter((p) => p.action === action && !failedIds.has(p.listing_id)).length
  return {
    listings_posted: done("post"),
    listings_updated: done("edit") + done("update"),
    listings_failed: plans.filter((p) => (p.action === "post" || p.action === "edit") && failedIds.has(p.listing_id)).length,
  }
}
