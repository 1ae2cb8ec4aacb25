import type { MedusaContainer } from "@medusajs/framework/types"
import { ALIEXPRESS_MODULE } from "../../modules/aliexpress"
import type AliExpressModuleService from "../../modules/aliexpress/service"
import { listingSyncSettings } from "../../modules/aliexpress/options"
import { describeError } from "../../lib/listings/problems"
import { PRICE_STOCK_BATCH } from "../../lib/mapping"
import { importExistingListingsWorkflow } from "../../workflows/listings/workflows/import-existing-listings"
import { syncListingsBatchWorkflow } from "../../workflows/listings/workflows/sync-listings-batch"
import { FEED_ITEMS_PER_JOB, UpdateGathering, type UpdateKind } from "../../lib/listings/updates"
import {
  pollListingFeedsWorkflow,
  sendListingUpdatesWorkflow,
  submitListingFeedWorkflow,
} from "../../workflows/listings/workflows/listing-feeds"
import { healthReporter } from "../health"
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

const QUEUED_FILTER = { sync_requested_at: { $ne: null }, product_id: { $ne: null } }
/** Past this many listings done, the progress total is approximate rather than a huge query. */
const MAX_EXCLUDED = 5000
/** How long a run waits for its feed jobs' results; jobs still open are polled by the next run. */
const FEED_WAIT_MS = 20 * 60 * 1000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export type SyncRunOptions = {
  /** a "sync now": ignore the retry backoff of failed listings */
  ignore_backoff?: boolean
  /** record progress even when nothing is queued, so whoever asked sees the run end */
  report?: boolean
}

/**
 * Drains the listing queue a page at a time, one workflow run per page, with
 * `pagesInFlight` pages worked on at once: while one page's calls go out, the next is read,
 * mapped and planned, so the rate limits never wait on the database. Memory holds those pages
 * only, never the catalogue. The lock makes one run at a time across server and workers; the
 * queue is the table, so a run that cannot get the lock loses nothing: the running one picks
 * its products up.
 */
export async function drainListingQueue(container: MedusaContainer, accountId: string, opts: SyncRunOptions): Promise<{ error: unknown } | null> {
  const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
  const logger = container.resolve("logger")
  // A removed account has nothing left to sync.
  const account = await service.getAccount(accountId).catch(() => null)
  if (!account || account.status !== "connected" || !account.sales_channel_id) {
    return null
  }
  const QUEUED = { ...QUEUED_FILTER, account_id: account.id }
  const queued = await service.listAndCountAliExpressListings(QUEUED, { take: 1, select: ["id"] })
  const openFeeds = await service.listAndCountAliExpressFeedJobs({ account_id: account.id, status: "submitted" }, { take: 1, select: ["id"] })
  if (!queued[1] && !openFeeds[1] && !opts.report) {
    return null
  }
  let runError: unknown = null
  const progress: SyncProgress = {
    state: "running",
    done: 0,
    total: queued[1],
    started_at: new Date().toISOString(),
    finished_at: null,
    last_error: null,
    posted: 0,
    edited: 0,
    invalid: 0,
    offline: 0,
    price_calls: 0,
    stock_calls: 0,
    feed_jobs: 0,
    feed_polls: 0,
    unchanged: 0,
    repriced: 0,
  }
  const save = () => service.updateAliExpressAccounts({ id: account.id, sync_progress: { ...progress } })
  await save()
  try {
    if (!account.existing_listings_imported_at) {
      // Bind what the seller already sells before posting anything, or it would be posted twice.
      await importExistingListingsWorkflow(container).run({ input: { account_id: account.id } })
    }
    const { batchSize, pagesInFlight, feedThreshold } = listingSyncSettings()
    const gathering = new UpdateGathering()
    const submit = async (kind: UpdateKind, max: number) => {
      const candidates = gathering.take(kind, max)
      const { result } = await submitListingFeedWorkflow(container).run({ input: { account_id: account.id, kind, candidates } })
      if (result.job_id) progress.feed_jobs++
    }
    const submitFullJobs = async () => {
      for (const kind of ["price", "stock"] as const) {
        while (gathering.touched(kind) > feedThreshold && gathering.waitingCount(kind) >= FEED_ITEMS_PER_JOB) {
          await submit(kind, FEED_ITEMS_PER_JOB)
        }
      }
    }
    let polling: Promise<FeedPoll> | null = null
    const pollDue = (): Promise<FeedPoll> => {
      polling ??= pollListingFeedsWorkflow(container)
        .run({ input: { account_id: account.id } })
        .then(({ result }) => {
          progress.feed_polls += result.polled
          return result
        })
        .finally(() => {
          polling = null
        })
      return polling
    }
    const pollSoon = () => {
      if (progress.feed_jobs || openFeeds[1]) {
        // Results of jobs submitted a moment ago land while the next pages are worked on; a
        // poll that fails here is tried again by the wait at the end of the run.
        pollDue().catch(() => undefined)
      }
    }
    const settled = () => progress.unchanged + progress.repriced
    const seen = new Set<string>()
    let failure: unknown = null
    let queuedNow = queued[1]
    // A run weighs its queue in rounds. Each round decides from what is queued at its start: a
    // queue larger than a page first goes through the pass, and one larger than the feed
    // threshold has its pages hand their changes back for feed jobs. When a whole catalogue is
    // queued again while the round's pages run (a "sync now" or a rule change just after
    // another, a save of every product), the round stops taking pages and a new one weighs the
    // queue again; otherwise those listings would each be mapped and sent in batch calls.
    for (let round = 0; ; round++) {
      const roundStart = new Date()
      if (round > 0) {
        queuedNow = (await service.listAndCountAliExpressListings(QUEUED, { take: 1, select: ["id"] }))[1]
        if (!queuedNow) break
        progress.total = progress.done + queuedNow
      }
      // More products queued than the threshold may carry that many price or stock changes: the
      // pages hand their changes back, and the run sends them as feed jobs of 300 once more than
      // the threshold turned up (or in batch calls of 20 at the end if fewer did).
      const feedPath = queuedNow > feedThreshold
      // A large queue is mostly listings that need no mapping in a reconcile, a "sync now" or a
      // rule change: unchanged ones, and ones only the price or quantity rules moved. They are
      // taken off in chunks first, and the pages get what is left.
      if (queuedNow > batchSize) {
        await settleUnchangedQueue(container, account.id, { concurrency: pagesInFlight, force: opts.ignore_backoff }, async (chunk) => {
          progress.unchanged += chunk.unchanged
          progress.repriced += chunk.repriced
          progress.done = settled() + seen.size
          gathering.add(chunk.candidates)
          await submitFullJobs()
          pollSoon()
          await save()
        })
      }
      const inFlight = new Set<string>()
      const pages = new Set<Promise<void>>()
      let pagesStarted = 0
      let queuedAgain = false
      // More than a page queued since this round began: the queue is worth weighing again. Asked
      // of the queue's index, which stops at the (page + 1)th row.
      const manyQueuedSince = async () => {
        const past = await service.listAliExpressListings(
          { ...QUEUED, sync_requested_at: { $gt: roundStart } },
          { select: ["id"], skip: batchSize, take: 1, order: { sync_requested_at: "ASC", id: "ASC" } }
        )
        return past.length > 0
      }
      const startPage = async (): Promise<boolean> => {
        // Every round takes a page before it may stop, so a steady stream of changes cannot keep
        // a run weighing without ever sending.
        if (pagesStarted && (await manyQueuedSince())) {
          queuedAgain = true
          return false
        }
        // The first page is small, so the first calls leave while the next page is still being
        // read; one price/stock batch long, so a change to every product still fills every batch call.
        const take = pagesStarted++ ? batchSize : Math.min(batchSize, PRICE_STOCK_BATCH)
        const rows = await service.listAliExpressListings(
          inFlight.size ? { ...QUEUED, id: { $nin: [...inFlight] } } : QUEUED,
          { select: ["id"], take, order: { sync_requested_at: "ASC", id: "ASC" } }
        )
        if (!rows.length) {
          return false
        }
        const ids = rows.map((r) => r.id)
        ids.forEach((id) => inFlight.add(id))
        const page = (async () => {
          try {
            const { result } = await syncListingsBatchWorkflow(container).run({
              input: { account_id: account.id, listing_ids: ids, ignore_backoff: opts.ignore_backoff, defer_updates: feedPath },
            })
            gathering.add(result.deferred_updates)
            await submitFullJobs()
            pollSoon()
            ids.forEach((id) => seen.add(id))
            // Counted once each, even when a change queued a listing again during the run.
            progress.done = settled() + seen.size
            for (const key of ["posted", "edited", "invalid", "offline", "price_calls", "stock_calls"] as const) {
              progress[key] += result[key]
            }
            const notSeen = seen.size <= MAX_EXCLUDED ? { id: { $nin: [...seen] } } : {}
            const [, left] = await service.listAndCountAliExpressListings({ ...QUEUED, ...notSeen }, { take: 1, select: ["id"] })
            progress.total = progress.done + left
            await save()
          } catch (error) {
            failure ??= error
          } finally {
            ids.forEach((id) => inFlight.delete(id))
          }
        })()
        pages.add(page)
        void page.finally(() => pages.delete(page))
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
      if (!queuedAgain) break
    }
    for (const kind of ["price", "stock"] as const) {
      if (gathering.touched(kind) > feedThreshold) {
        while (gathering.waitingCount(kind)) await submit(kind, FEED_ITEMS_PER_JOB)
      }
    }
    const rest = [...gathering.take("price"), ...gathering.take("stock")]
    if (rest.length) {
      const { result } = await sendListingUpdatesWorkflow(container).run({ input: { account_id: account.id, candidates: rest } })
      progress.price_calls += result.price
      progress.stock_calls += result.stock
    }
    if (progress.feed_jobs || openFeeds[1]) {
      await waitForFeeds(pollDue)
    }
    progress.state = "done"
  } catch (error) {
    runError = error
    progress.state = "failed"
    progress.last_error = describeError(error)
    logger.error(`AliExpress listing sync failed: ${progress.last_error}`)
  }
  progress.finished_at = new Date().toISOString()
  await service.updateAliExpressAccounts({ id: account.id, sync_progress: { ...progress }, last_sync_at: new Date() })
  await healthReporter.report(container, account.id, "listing_sync", runError ? { ok: false, reason: progress.last_error ?? "unknown error" } : { ok: true })
  // The pages read back review verdicts too.
  await healthReporter.checkRejections(container, account.id).catch(() => undefined)
  return runError ? { error: runError } : null
}

type FeedPoll = { open: number; next_poll_at: string | null }

/** Polls the open feed jobs, each when its back-off ends, until none is left or the wait is over. */
async function waitForFeeds(pollDue: () => Promise<FeedPoll>): Promise<void> {
  const deadline = Date.now() + FEED_WAIT_MS
  for (;;) {
    const { open, next_poll_at } = await pollDue()
    if (!open || Date.now() >= deadline) return
    const next = next_poll_at ? Date.parse(next_poll_at) : Date.now() + 1000
    await sleep(Math.max(50, Math.min(next - Date.now(), deadline - Date.now())))
  }
}
