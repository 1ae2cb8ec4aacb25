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
/** How much earlier than its interval a scheduled import may run (one tick of the 15 s job). */
export const IMPORT_DUE_SLACK_MS = 15_000

export function isImportDue(lastRunAt: Date | string | null | undefined, intervalMinutes: number, now = Date.now()): boolean {
  if (!lastRunAt) {
    return true
  }
  // The job ticks every 15 s: one tick of slack, so an outage starting right after a run is
  // seen by the next one within the minute (and cron jitter never skips a whole interval).
  return now - new Date(lastRunAt).getTime() >= Math.max(1, intervalMinutes) * 60_000 - IMPORT_DUE_SLACK_MS
}
