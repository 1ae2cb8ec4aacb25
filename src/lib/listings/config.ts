import type { PluginOptions } from "../plugin-options"
import { singleRate } from "../plugin-options"

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
  /** the stock of products sold on AliExpress itself is resent at most this often */
  afterMarketplaceOrderMs: number
  /** a listing under review is asked about at most this often, except on "sync now" */
  auditRecheckMs: number
  reconcileCron: string
  /** a run whose price or stock changes touch more products than this sends them as feed jobs */
  feedThreshold: number
}

/** The listing sync's settings, from the plugin options (src/lib/plugin-options.ts). */
export function listingSyncConfig(options: PluginOptions): ListingSyncConfig {
  return {
    concurrency: options.syncConcurrency,
    callsPerSecond: singleRate(options.rateLimit.callsPerSecond),
    batchSize: options.syncBatchSize,
    pagesInFlight: options.syncPagesInFlight,
    debounceMs: options.syncDebounceMs,
    minGapMs: options.syncMinGapMs,
    afterMarketplaceOrderMs: options.syncAfterMarketplaceOrderMs,
    auditRecheckMs: options.auditRecheckMs,
    reconcileCron: options.reconcileCron,
    feedThreshold: options.feedThreshold,
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
