import { FIRST_IMPORT_LOOKBACK_MS, MAX_WINDOW_MS, ORDER_WINDOW_OVERLAP_MS } from "./constants"

export type ImportWindow = { from: string; to: string }

/**
 * Orders modified since the watermark, reaching back by the overlap so late
 * `gmt_update` stamps and clock skew lose nothing; a long gap is worked off in
 * slices AliExpress accepts.
 */
export function importWindow(watermark: Date | string | null | undefined, now = Date.now()): ImportWindow {
  const from = watermark ? new Date(watermark).getTime() - ORDER_WINDOW_OVERLAP_MS : now - FIRST_IMPORT_LOOKBACK_MS
  const to = Math.min(now, from + MAX_WINDOW_MS)
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() }
}

/** The job fires every minute; the account decides how often a run really happens. */
/** How much earlier than its interval a scheduled import may run (a tick of the 15 s job and a run's length). */
export const IMPORT_DUE_SLACK_MS = 20_000

export function isImportDue(lastRunAt: Date | string | null | undefined, intervalMinutes: number, now = Date.now()): boolean {
  if (!lastRunAt) {
    return true
  }
  // The job ticks every 15 s: a tick of slack plus a run's own few seconds (the mark is set when a
  // run ends), so a one-minute interval runs every 45 s and an outage starting right after a run
  // is seen within the minute; cron jitter never skips a whole interval.
  return now - new Date(lastRunAt).getTime() >= Math.max(1, intervalMinutes) * 60_000 - IMPORT_DUE_SLACK_MS
}
