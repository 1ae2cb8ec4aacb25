import type { MedusaContainer } from "@medusajs/framework/types"
import { ALIEXPRESS_MODULE } from "../../modules/aliexpress"
import type AliExpressModuleService from "../../modules/aliexpress/service"
import { listingSyncSettings } from "../../modules/aliexpress/options"
import { PRICE_STOCK_BATCH } from "../../lib/mapping"
import { syncListingsBatchWorkflow } from "../../workflows/listings/workflows/sync-listings-batch"
import { FEED_ITEMS_PER_JOB, UpdateGathering, type UpdateKind } from "../../lib/listings/updates"
import {
  pollListingFeedsWorkflow,
  sendListingUpdatesWorkflow,
  submitListingFeedWorkflow,
} from "../../workflows/listings/workflows/listing-feeds"
import { settleUnchangedQueue } from "./settle-unchanged"

export type SyncProgress = {
  state: "running" | "done" | "failed"
  done: number
  total: number
  started_at: string
  finished_at: string | null
  last_error: string | null
  posted: number
  edited: number
  invalid: number
  offline: number
  price_calls: number
  stock_calls: number
  /** feed jobs submitted by this run, and feed.query calls it made */
  feed_jobs: number
  feed_polls: number
  /** listings found unchanged by the first pass of a large run (counted in `done`) */
  unchanged: number
  /** listings the first pass priced again from their stored inputs (counted in `done`) */
  repriced: number
}

export type SyncRunOptions = {
  /** a "sync now": ignore the retry backoff of failed listings */
  ignore_backoff?: boolean
  /** record progress even when nothing is queued, so whoever asked sees the run end */
  report?: boolean
}

const queuedListings = (accountId: string) => ({ account_id: accountId, sync_requested_at: { $ne: null }, product_id: { $ne: null } })

/** How many of the account's listings are queued (past `also`, when given). */
export async function countQueued(service: AliExpressModuleService, accountId: string, also: Record<string, unknown> = {}): Promise<number> {
  const [, count] = await service.listAndCountAliExpressListings({ ...queuedListings(accountId), ...also }, { take: 1, select: ["id"] })
  return count
}

/** Past this many listings done, the progress total is approximate rather than a huge query. */
const MAX_EXCLUDED = 5000
/** How long a run waits for its feed jobs' results; jobs still open are polled by the next run. */
const FEED_WAIT_MS = 20 * 60 * 1000
const PAGE_COUNTS = ["posted", "edited", "invalid", "offline", "price_calls", "stock_calls"] as const

type FeedPoll = { open: number; next_poll_at: string | null }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The work of one sync run of one account, once it holds the account's lock: the queue is
 * drained in rounds, each round first taking off the listings that need no mapping (the
 * pass), then mapping the rest a page at a time, `pagesInFlight` pages at once: while one
 * page's calls go out, the next is read, mapped and planned, so the rate limits never wait on
 * the database. Memory holds those pages only, never the catalogue. Price and stock changes of
 * a large queue are gathered into feed jobs; the run waits for their results at the end.
 */
export class SyncRun {
  private readonly service: AliExpressModuleService
  private readonly settings = listingSyncSettings()
  private readonly queued: ReturnType<typeof queuedListings>
  private readonly gathering = new UpdateGathering()
  /** listings the pages have done, each counted once even when queued again during the run */
  private readonly seen = new Set<string>()
  private polling: Promise<FeedPoll> | null = null

  constructor(
    private readonly container: MedusaContainer,
    private readonly accountId: string,
    private readonly opts: SyncRunOptions,
    private readonly progress: SyncProgress,
    private readonly save: () => Promise<unknown>,
    /** feed jobs an earlier run left open: this run polls them too */
    private readonly openFeeds: number
  ) {
    this.service = container.resolve(ALIEXPRESS_MODULE)
    this.queued = queuedListings(accountId)
  }

  /**
   * Rounds until the queue is empty. Each round decides from what is queued at its start: a
   * queue larger than a page first goes through the pass, and one larger than the feed
   * threshold has its pages hand their changes back for feed jobs. When more than a page is
   * queued again while a round's pages run (a "sync now" or a rule change just after another,
   * a save of every product), the round stops taking pages and the next one weighs the queue
   * again; otherwise all of it would be mapped, page by page, and sent in batch calls.
   */
  async drain(queuedAtStart: number): Promise<void> {
    for (let queued = queuedAtStart; await this.round(queued); ) {
      queued = await countQueued(this.service, this.accountId)
      if (!queued) break
      this.progress.total = this.progress.done + queued
    }
    await this.sendGathered()
    if (this.progress.feed_jobs || this.openFeeds) {
      await this.waitForFeeds()
    }
  }

  /** One round; answers whether it stopped because the queue is worth weighing again. */
  private async round(queued: number): Promise<boolean> {
    const { batchSize, feedThreshold } = this.settings
    const roundStart = new Date()
    if (queued > batchSize) {
      await this.settleFirst()
    }
    // More products queued than the threshold may carry that many price or stock changes: the
    // pages hand their changes back, and the run sends them as feed jobs of 300 once more than
    // the threshold turned up (or in batch calls of 20 at the end if fewer did).
    return this.runPages(queued > feedThreshold, roundStart)
  }

  /**
   * A large queue is mostly listings that need no mapping in a reconcile, a "sync now" or a
   * rule change: unchanged ones, and ones only the price or quantity rules moved. They are
   * taken off in chunks first, and the pages get what is left.
   */
  private settleFirst(): Promise<void> {
    const { pagesInFlight } = this.settings
    return settleUnchangedQueue(this.container, this.accountId, { concurrency: pagesInFlight, force: this.opts.ignore_backoff }, async (chunk) => {
      this.progress.unchanged += chunk.unchanged
      this.progress.repriced += chunk.repriced
      this.progress.done = this.doneCount()
      this.gathering.add(chunk.candidates)
      await this.submitFullJobs()
      this.pollSoon()
      await this.save()
    })
  }

  /** The pages of a round, `pagesInFlight` at once; answers whether it stopped to weigh the queue again. */
  private async runPages(feedPath: boolean, roundStart: Date): Promise<boolean> {
    const { batchSize, pagesInFlight } = this.settings
    const inFlight = new Set<string>()
    const pages = new Set<Promise<void>>()
    let pagesStarted = 0
    let queuedAgain = false
    let failure: unknown = null

    const startPage = async (): Promise<boolean> => {
      // Every round takes a page before it may stop, so a steady stream of changes cannot keep
      // a run weighing without ever sending.
      if (pagesStarted && (await this.manyQueuedSince(roundStart))) {
        queuedAgain = true
        return false
      }
      // The first page is small, so the first calls leave while the next page is still being
      // read; one price/stock batch long, so a change to every product still fills every batch call.
      const take = pagesStarted++ ? batchSize : Math.min(batchSize, PRICE_STOCK_BATCH)
      const rows = await this.service.listAliExpressListings(inFlight.size ? { ...this.queued, id: { $nin: [...inFlight] } } : this.queued, {
        select: ["id"],
        take,
        order: { sync_requested_at: "ASC", id: "ASC" },
      })
      if (!rows.length) {
        return false
      }
      const ids = rows.map((r) => r.id)
      ids.forEach((id) => inFlight.add(id))
      const page = this.runPage(ids, feedPath)
        .catch((error) => {
          failure ??= error
        })
        .finally(() => {
          ids.forEach((id) => inFlight.delete(id))
          pages.delete(page)
        })
      pages.add(page)
      return true
    }

    for (;;) {
      while (!failure && !queuedAgain && pages.size < pagesInFlight && (await startPage())) {
        // filled one more slot
      }
      if (failure || !pages.size) {
        await Promise.allSettled(pages)
        break
      }
      // A page ended: refill. Rows queued again while their page ran are taken then.
      await Promise.race(pages)
    }
    if (failure) {
      throw failure
    }
    return queuedAgain
  }

  private async runPage(ids: string[], feedPath: boolean): Promise<void> {
    const { result } = await syncListingsBatchWorkflow(this.container).run({
      input: { account_id: this.accountId, listing_ids: ids, ignore_backoff: this.opts.ignore_backoff, defer_updates: feedPath },
    })
    this.gathering.add(result.deferred_updates)
    await this.submitFullJobs()
    this.pollSoon()
    ids.forEach((id) => this.seen.add(id))
    this.progress.done = this.doneCount()
    for (const key of PAGE_COUNTS) {
      this.progress[key] += result[key]
    }
    const notSeen = this.seen.size <= MAX_EXCLUDED ? { id: { $nin: [...this.seen] } } : {}
    const left = await countQueued(this.service, this.accountId, notSeen)
    this.progress.total = this.progress.done + left
    await this.save()
  }

  private doneCount(): number {
    return this.progress.unchanged + this.progress.repriced + this.seen.size
  }

  /**
   * More than a page queued since the round began: the queue is worth weighing again. Asked of
   * the queue's index, which stops at the (page + 1)th row.
   */
  private async manyQueuedSince(roundStart: Date): Promise<boolean> {
    const past = await this.service.listAliExpressListings(
      { ...this.queued, sync_requested_at: { $gt: roundStart } },
      { select: ["id"], skip: this.settings.batchSize, take: 1, order: { sync_requested_at: "ASC", id: "ASC" } }
    )
    return past.length > 0
  }

  private async submit(kind: UpdateKind, max: number): Promise<void> {
    const candidates = this.gathering.take(kind, max)
    const { result } = await submitListingFeedWorkflow(this.container).run({ input: { account_id: this.accountId, kind, candidates } })
    if (result.job_id) this.progress.feed_jobs++
  }

  private async submitFullJobs(): Promise<void> {
    for (const kind of ["price", "stock"] as const) {
      while (this.gathering.touched(kind) > this.settings.feedThreshold && this.gathering.waitingCount(kind) >= FEED_ITEMS_PER_JOB) {
        await this.submit(kind, FEED_ITEMS_PER_JOB)
      }
    }
  }

  /** What the run gathered: feed jobs past the threshold, batch calls below it. */
  private async sendGathered(): Promise<void> {
    for (const kind of ["price", "stock"] as const) {
      if (this.gathering.touched(kind) > this.settings.feedThreshold) {
        while (this.gathering.waitingCount(kind)) await this.submit(kind, FEED_ITEMS_PER_JOB)
      }
    }
    const rest = [...this.gathering.take("price"), ...this.gathering.take("stock")]
    if (rest.length) {
      const { result } = await sendListingUpdatesWorkflow(this.container).run({ input: { account_id: this.accountId, candidates: rest } })
      this.progress.price_calls += result.price
      this.progress.stock_calls += result.stock
    }
  }

  private pollDue(): Promise<FeedPoll> {
    this.polling ??= pollListingFeedsWorkflow(this.container)
      .run({ input: { account_id: this.accountId } })
      .then(({ result }) => {
        this.progress.feed_polls += result.polled
        return result
      })
      .finally(() => {
        this.polling = null
      })
    return this.polling
  }

  /**
   * Results of jobs submitted a moment ago land while the next pages are worked on; a poll that
   * fails here is tried again by the wait at the end of the run.
   */
  private pollSoon(): void {
    if (this.progress.feed_jobs || this.openFeeds) {
      this.pollDue().catch(() => undefined)
    }
  }

  /** Polls the open feed jobs, each when its back-off ends, until none is left or the wait is over. */
  private async waitForFeeds(): Promise<void> {
    const deadline = Date.now() + FEED_WAIT_MS
    for (;;) {
      const { open, next_poll_at } = await this.pollDue()
      if (!open || Date.now() >= deadline) return
      const next = next_poll_at ? Date.parse(next_poll_at) : Date.now() + 1000
      await sleep(Math.max(50, Math.min(next - Date.now(), deadline - Date.now())))
    }
  }
}
