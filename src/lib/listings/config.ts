import { z } from "zod"

const envSchema = z.object({
  ALIEXPRESS_SYNC_CONCURRENCY: z.coerce.number().int().min(1).max(200).optional(),
  ALIEXPRESS_CALLS_PER_SECOND: z.coerce.number().positive().optional(),
  ALIEXPRESS_SYNC_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(200),
  ALIEXPRESS_SYNC_DEBOUNCE_MS: z.coerce.number().int().min(0).max(600000).default(2000),
  ALIEXPRESS_RECONCILE_CRON: z.string().trim().min(1).default("*/5 * * * *"),
})

export type ListingSyncConfig = {
  /** calls in flight at once: about the calls per second the client may make */
  concurrency: number
  /** products per workflow run */
  batchSize: number
  /** how long events are gathered before a sync run starts */
  debounceMs: number
  reconcileCron: string
}

export function listingSyncConfig(env: NodeJS.ProcessEnv = process.env): ListingSyncConfig {
  const parsed = envSchema.parse(env)
  const rate = parsed.ALIEXPRESS_CALLS_PER_SECOND ?? 20
  return {
    concurrency: parsed.ALIEXPRESS_SYNC_CONCURRENCY ?? Math.max(2, Math.ceil(rate)),
    batchSize: parsed.ALIEXPRESS_SYNC_BATCH_SIZE,
    debounceMs: parsed.ALIEXPRESS_SYNC_DEBOUNCE_MS,
    reconcileCron: parsed.ALIEXPRESS_RECONCILE_CRON,
  }
}

/** Backoff before retrying a listing that failed in transport: 1, 2, 4 ... minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60 * 60 * 1000, 60 * 1000 * 2 ** Math.max(0, attempts - 1))
}
