import { z } from "zod"

const envSchema = z.object({
  ALIEXPRESS_SYNC_CONCURRENCY: z.coerce.number().int().min(1).max(200).optional(),
  ALIEXPRESS_CALLS_PER_SECOND: z.coerce.number().positive().optional(),
  ALIEXPRESS_SYNC_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  ALIEXPRESS_SYNC_PAGES_IN_FLIGHT: z.coerce.number().int().min(1).max(4).default(2),
  ALIEXPRESS_SYNC_DEBOUNCE_MS: z.coerce.number().int().min(0).max(600000).default(2000),
  ALIEXPRESS_SYNC_MIN_GAP_MS: z.coerce.number().int().min(0).max(600000).default(5000),
  ALIEXPRESS_AUDIT_RECHECK_MS: z.coerce.number().int().min(0).max(86400000).default(60000),
  ALIEXPRESS_RECONCILE_CRON: z.string().trim().min(1).default("*/5 * * * *"),
})

export type ListingSyncConfig = {
  /** products worked on at once in one page (each waits for its turn at the rate limit) */
  concurrency: number
  /** the client's calls per second per AliExpress method */
  callsPerSecond: number
  /** products per workflow run (a page of the queue) */
  batchSize: number
  /** pages worked on at once, so loading the next page overlaps the calls of the current one */
  pagesInFlight: number
  /** how long events are gathered before they are queued and a sync run starts */
  debounceMs: number
  /** while events keep coming (orders all day), event-started syncs are at least this far apart */
  minGapMs: number
  /** a listing under review is asked about at most this often, except on "sync now" */
  auditRecheckMs: number
  reconcileCron: string
}

export function listingSyncConfig(env: NodeJS.ProcessEnv = process.env): ListingSyncConfig {
  const parsed = envSchema.parse(env)
  const rate = parsed.ALIEXPRESS_CALLS_PER_SECOND ?? 20
  return {
    concurrency: parsed.ALIEXPRESS_SYNC_CONCURRENCY ?? Math.max(4, Math.ceil(rate * 2)),
    callsPerSecond: rate,
    batchSize: parsed.ALIEXPRESS_SYNC_BATCH_SIZE,
    pagesInFlight: parsed.ALIEXPRESS_SYNC_PAGES_IN_FLIGHT,
    debounceMs: parsed.ALIEXPRESS_SYNC_DEBOUNCE_MS,
    minGapMs: parsed.ALIEXPRESS_SYNC_MIN_GAP_MS,
    auditRecheckMs: parsed.ALIEXPRESS_AUDIT_RECHECK_MS,
    reconcileCron: parsed.ALIEXPRESS_RECONCILE_CRON,
  }
}

/**
 * Back-off before a listing that failed in transport (5xx, timeout, ban, lost answer) is sent
 * again: 5, 10, 20 ... seconds, at most an hour. The listing sync runner wakes up for it, so a
 * passing fault costs seconds, not a wait for the reconcile.
 */
export function retryDelayMs(attempts: number): number {
  return Math.min(60 * 60 * 1000, 5000 * 2 ** Math.max(0, attempts - 1))
}
