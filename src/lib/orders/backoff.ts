/** Exponential backoff from 30 s, doubled per attempt, capped at one hour. */
export function nextAttemptAt(attempts: number, now = Date.now()): Date {
  const delay = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000)
  return new Date(now + delay)
}
