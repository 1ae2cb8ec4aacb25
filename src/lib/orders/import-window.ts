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

/** How often the import job fires by default (option orderImportCron). */
export const IMPORT_TICK_MS = 30_000

/**
 * The job fires every half minute; the account's interval says how long an order may wait. A
 * run every interval would leave an order placed just after one waiting the whole interval
 * plus the next run, so a run comes one tick before the interval ends (every tick for "every
 * minute"). A few seconds of slack absorb cron jitter.
 */
export function isImportDue(lastRunAt: Date | string | null | undefined, intervalMinutes: number, now = Date.now()): boolean {
  if (!lastRunAt) {
    return true
  }
  return now - new Date(lastRunAt).getTime() >= Math.max(1, intervalMinutes) * 60_000 - IMPORT_TICK_MS - 5_000
}
