/**
 * How often AliExpress is asked for its verdict on a listing under review. Most verdicts come
 * within minutes of a submission, so a fresh one is asked about every 20 s; after that the
 * questions back off, and past an hour the reconcile's own cadence takes over.
 */

/** A submission this young is rechecked every FAST_REVIEW_EVERY_MS. */
export const FAST_REVIEW_WINDOW_MS = 10 * 60 * 1000
export const FAST_REVIEW_EVERY_MS = 20 * 1000
/** Until a submission is this old, the review watch keeps running (at the slower pace). */
export const REVIEW_WATCH_MS = 60 * 60 * 1000
const SLOW_REVIEW_EVERY_MS = 2 * 60 * 1000

/**
 * The wait between two questions about one listing, given how long ago it was submitted
 * (null: not known, an older row) and the configured recheck spacing for old submissions.
 */
export function reviewRecheckDelayMs(sinceSubmitMs: number | null, fallbackMs: number): number {
  if (sinceSubmitMs === null || sinceSubmitMs < 0) {
    return fallbackMs
  }
  if (sinceSubmitMs < FAST_REVIEW_WINDOW_MS) {
    return Math.min(FAST_REVIEW_EVERY_MS, fallbackMs)
  }
  if (sinceSubmitMs < REVIEW_WATCH_MS) {
    return Math.min(SLOW_REVIEW_EVERY_MS, Math.max(FAST_REVIEW_EVERY_MS, fallbackMs))
  }
  return fallbackMs
}

/** A watch tick comes a moment after its listings' marks were set: without this it would skip them for a whole period. */
const TICK_TOLERANCE_MS = 2000

/** Whether a listing asked about `sinceAskedMs` ago (null: never) is due for another question. */
export function reviewRecheckDue(sinceSubmitMs: number | null, sinceAskedMs: number | null, fallbackMs: number): boolean {
  const delay = reviewRecheckDelayMs(sinceSubmitMs, fallbackMs)
  return sinceAskedMs === null || sinceAskedMs >= delay - Math.min(TICK_TOLERANCE_MS, delay / 10)
}
