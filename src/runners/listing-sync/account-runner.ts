import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../modules/aliexpress"
import type AliExpressModuleService from "../../modules/aliexpress/service"
import { listingSyncSettings } from "../../modules/aliexpress/options"
import { classifyFailure, describeError } from "../../lib/listings/problems"
import { retryDelayMs } from "../../lib/listings/config"
import { requestListingSyncWorkflow, type RequestListingSyncInput } from "../../workflows/listings/workflows/request-listing-sync"
import { importExistingListingsWorkflow } from "../../workflows/listings/workflows/import-existing-listings"
import { drainListingQueue, type SyncRunOptions } from "./drain"
import { EventBuffer, flushDelay, type BufferedKind } from "./event-buffer"
import { refreshReviewStatusWorkflow } from "../../workflows/listings/workflows/refresh-review-status"
import { FAST_REVIEW_EVERY_MS, REVIEW_WATCH_MS, reviewRecheckDelayMs } from "../../lib/listings/review-schedule"
import { healthReporter } from "../health"

export type { SyncRunOptions, SyncProgress } from "./drain"

/** One sync run at a time per account across server and workers; accounts run side by side. */
export const listingSyncLock = (accountId: string) => `aliexpress:listing-sync:${accountId}`
/** One review watch at a time per account across server and workers. */
const reviewWatchLock = (accountId: string) => `aliexpress:review-watch:${accountId}`
/** Listings whose verdict one watch tick asks for, at most (the step lists statuses in batches). */
const REVIEW_WATCH_BATCH = 500

/** A retry due further out than this is left to the reconcile job. */
const RETRY_HORIZON_MS = 15 * 60 * 1000

/**
 * One account's listing sync in this process: store events are coalesced and debounced into
 * one queue write, runs take the account's sync lock (one at a time across server and workers)
 * and drain its queue a page at a time, and listings that failed in transport are queued again
 * when their back-off ends, seconds later, not at the next reconcile. Each account has its own
 * runner, lock and client (so its own rate limit): a slow or failing account holds up no other.
 */
export class AccountListingSync {
  constructor(readonly accountId: string) {}

  private readonly events = new EventBuffer()
  private flushing = false
  private lastFlushAt = 0
  private runTimer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private again: SyncRunOptions | null = null
  private retry: { at: number; timer: NodeJS.Timeout } | null = null
  /** runs in a row that failed for a passing reason (the gateway down, say) */
  private failedRuns = 0
  private rerunTimer: NodeJS.Timeout | null = null
  private readonly soldOnAliExpress = new Set<string>()
  private soldTimer: NodeJS.Timeout | null = null
  private reviewTimer: NodeJS.Timeout | null = null

  /** Subscribers: a store event named these records; their products are synced after the debounce. */
  bufferEvent(container: MedusaContainer, kind: BufferedKind, ids: string[]): void {
    if (!ids.length) {
      return
    }
    this.events.add(kind, ids)
    if (!this.flushing) {
      this.flushing = true
      this.scheduleFlush(container)
    }
  }

  /**
   * An imported AliExpress order: AliExpress has already lowered its own stock for it, so
   * nothing oversells while its products wait. They are gathered and their stock resent
   * together at most every `afterMarketplaceOrderMs`, instead of a sync run every few
   * seconds through a sale (500 orders cost some 20 runs, a fifth of the import's time).
   */
  resendStockLater(container: MedusaContainer, productIds: string[]): void {
    productIds.forEach((id) => this.soldOnAliExpress.add(id))
    if (this.soldTimer || !this.soldOnAliExpress.size) {
      return
    }
    this.soldTimer = setTimeout(() => void this.flushSold(container), listingSyncSettings().afterMarketplaceOrderMs)
    this.soldTimer.unref?.()
  }

  /** Routes: something that shapes every listing changed and was queued; run after the debounce. */
  schedule(container: MedusaContainer, delayMs = listingSyncSettings().debounceMs): void {
    if (this.runTimer) {
      return
    }
    this.runTimer = setTimeout(() => {
      this.runTimer = null
      void this.start(container, {})
    }, delayMs)
    this.runTimer.unref?.()
  }

  /** "Sync now": queues the products (all of the channel without ids) and starts a run at once. */
  async syncNow(container: MedusaContainer, input: Omit<RequestListingSyncInput, "account_id">, opts: SyncRunOptions = {}) {
    const { result } = await requestListingSyncWorkflow(container).run({ input: { ...input, account_id: this.accountId } })
    void this.start(container, opts)
    return result
  }

  /**
   * A rule that shapes every listing changed (price or quantity rules, the active template, a
   * lookup list): every product of the channel is queued and a run starts at once, not at the
   * next reconcile. Products whose payload did not change cost no call. Answers how many were queued.
   */
  async rulesChanged(container: MedusaContainer): Promise<number> {
    const result = await this.syncNow(container, { all: true })
    return result.requested
  }

  /** The reconcile job: queue every listing and product of the channel, then run; unchanged ones cost no call. */
  async reconcile(container: MedusaContainer): Promise<void> {
    if (this.running) {
      // A run is going: it is the reconcile's work already; queueing everything again under it
      // would only make it plan the same products twice. The next reconcile looks again.
      return
    }
    try {
      const { result } = await requestListingSyncWorkflow(container).run({ input: { account_id: this.accountId, all: true } })
      if (result.requested) {
        // Not awaited: the job ends once every account is queued, so a long run of one account
        // never delays the next reconcile of another.
        void this.start(container, {})
      }
      this.watchReviews(container)
    } catch (error) {
      container.resolve("logger").warn(`AliExpress listing reconcile failed: ${describeError(error)}`)
    }
  }

  /**
   * Listings just sent for review get their verdict read back on a short schedule (every 20 s
   * for the first 10 minutes, then backing off; see review-schedule.ts), so a rejection shows
   * within a minute rather than at the next reconcile. Started after a run sent something and
   * by the reconcile (which covers a restart); it stops once no submission is recent.
   */
  watchReviews(container: MedusaContainer, delayMs = FAST_REVIEW_EVERY_MS): void {
    if (this.reviewTimer) {
      return
    }
    this.reviewTimer = setTimeout(() => {
      this.reviewTimer = null
      void this.recheckReviews(container)
    }, delayMs)
    this.reviewTimer.unref?.()
  }

  private async recheckReviews(container: MedusaContainer): Promise<void> {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    try {
      const account = await service.getAccount(this.accountId).catch(() => null)
      if (!account || account.status !== "connected") {
        return
      }
      const recent = await service.listAliExpressListings(
        {
          account_id: account.id,
          status: "auditing",
          product_id: { $ne: null },
          ae_product_id: { $ne: null },
          submitted_at: { $gte: new Date(Date.now() - REVIEW_WATCH_MS) },
        },
        { select: ["id", "submitted_at"], take: REVIEW_WATCH_BATCH, order: { submitted_at: "DESC" } }
      )
      if (!recent.length) {
        return
      }
      await container
        .resolve(Modules.LOCKING)
        .execute(reviewWatchLock(account.id), () => refreshReviewStatusWorkflow(container).run({ input: { account_id: account.id, listing_ids: recent.map((r) => r.id) } }), {
          timeout: 1,
          expire: 120,
        })
        // Most often another process is asking right now; the next tick asks again either way.
        .catch((error) => container.resolve("logger").debug(`AliExpress: review verdicts not read this time: ${describeError(error)}`))
      await healthReporter.checkRejections(container, account.id)
      const youngest = new Date(recent[0].submitted_at!).getTime()
      // At least 2 s apart, whatever the configured spacing (tests set it to 0).
      this.watchReviews(container, Math.max(2000, reviewRecheckDelayMs(Date.now() - youngest, listingSyncSettings().auditRecheckMs)))
    } catch (error) {
      container.resolve("logger").warn(`AliExpress: review verdicts not read: ${describeError(error)}`)
      this.watchReviews(container)
    }
  }

  /** Binds what the seller already sells, under the sync lock so no run posts it meanwhile. */
  async importExisting(container: MedusaContainer) {
    const { result } = await container
      .resolve(Modules.LOCKING)
      .execute(listingSyncLock(this.accountId), () => importExistingListingsWorkflow(container).run({ input: { account_id: this.accountId } }), { timeout: 60 })
    this.schedule(container)
    return result
  }

  /** Resolves once this process has no run going or due and no events buffered (tests wait on it). */
  async whenIdle(): Promise<void> {
    while (!this.isIdle()) {
      await (this.running ?? new Promise((resolve) => setTimeout(resolve, 50)))
    }
  }

  /** No run going or due and no events buffered in this process. */
  isIdle(): boolean {
    return !(this.runTimer || this.running || this.flushing || this.soldTimer)
  }

  private start(container: MedusaContainer, opts: SyncRunOptions): Promise<void> {
    if (this.running) {
      // Rows queued while this process runs are usually taken by the running loop; one more
      // pass afterwards covers the ones queued after its last look.
      this.again = {
        ignore_backoff: this.again?.ignore_backoff || opts.ignore_backoff,
        report: this.again?.report || opts.report,
      }
      return this.running
    }
    this.running = this.run(container, opts).finally(() => {
      this.running = null
      if (this.again) {
        const next = this.again
        this.again = null
        void this.start(container, next)
      }
    })
    return this.running
  }

  private async run(container: MedusaContainer, opts: SyncRunOptions): Promise<void> {
    let failed: { error: unknown } | null = null
    try {
      failed = await container
        .resolve(Modules.LOCKING)
        .execute(listingSyncLock(this.accountId), () => drainListingQueue(container, this.accountId, opts), { timeout: 10 })
    } catch (error) {
      container.resolve("logger").warn(`AliExpress listing sync did not complete: ${describeError(error)}`)
    }
    this.scheduleRerun(container, failed)
    this.watchReviews(container)
    await this.scheduleRetry(container).catch(() => undefined)
  }

  /**
   * A run that failed as a whole for a passing reason (AliExpress unreachable before any page
   * was sent) leaves its products queued: run again after a back-off of seconds, growing while
   * it keeps failing. A credentials failure waits for the reconnect instead.
   */
  private scheduleRerun(container: MedusaContainer, failed: { error: unknown } | null): void {
    if (!failed || classifyFailure(failed.error) === "auth") {
      this.failedRuns = 0
      return
    }
    this.failedRuns++
    if (this.rerunTimer) {
      return
    }
    this.rerunTimer = setTimeout(() => {
      this.rerunTimer = null
      void this.start(container, {})
    }, retryDelayMs(this.failedRuns))
    this.rerunTimer.unref?.()
  }

  private scheduleFlush(container: MedusaContainer): void {
    const { debounceMs, minGapMs } = listingSyncSettings()
    const timer = setTimeout(() => void this.flush(container), flushDelay(Date.now(), this.lastFlushAt, debounceMs, minGapMs))
    timer.unref?.()
  }

  /**
   * Turns everything buffered into ONE queue write and one run: creating 100 products (some
   * 500 product, variant and stock events) costs one write. Under a steady stream (orders all
   * day) flushes keep the minimum gap, so the same products are not re-synced back to back.
   */
  private async flush(container: MedusaContainer): Promise<void> {
    this.lastFlushAt = Date.now()
    const ids = this.events.take()
    try {
      const { result } = await requestListingSyncWorkflow(container).run({
        input: {
          account_id: this.accountId,
          product_ids: ids.product,
          variant_ids: ids.variant,
          inventory_level_ids: ids.inventory_level,
          reservation_ids: ids.reservation,
          order_ids: ids.order,
        },
      })
      if (result.requested) {
        void this.start(container, {})
      }
    } catch (error) {
      container.resolve("logger").warn(`AliExpress: could not queue products after store events: ${describeError(error)}`)
    } finally {
      this.flushing = false
      if (this.events.size) {
        // Events that came in while this flush ran.
        this.flushing = true
        this.scheduleFlush(container)
      }
    }
  }

  private async flushSold(container: MedusaContainer): Promise<void> {
    const productIds = [...this.soldOnAliExpress]
    this.soldOnAliExpress.clear()
    try {
      const { result } = await requestListingSyncWorkflow(container).run({ input: { account_id: this.accountId, product_ids: productIds, resend_stock: true } })
      if (result.requested) {
        void this.start(container, {})
      }
    } catch (error) {
      container.resolve("logger").warn(`AliExpress: could not queue the stock of products sold on AliExpress: ${describeError(error)}`)
    } finally {
      this.soldTimer = null
      this.resendStockLater(container, [])
    }
  }

  /** Wakes up when the earliest failed listing's back-off ends, queues the due ones and runs. */
  private async scheduleRetry(container: MedusaContainer): Promise<void> {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const [next] = await service.listAliExpressListings(
      { account_id: this.accountId, status: "error", next_attempt_at: { $ne: null }, sync_requested_at: null, product_id: { $ne: null } },
      { select: ["next_attempt_at"], take: 1, order: { next_attempt_at: "ASC" } }
    )
    if (!next?.next_attempt_at) {
      return
    }
    const at = new Date(next.next_attempt_at).getTime()
    if (at - Date.now() > RETRY_HORIZON_MS || (this.retry && this.retry.at <= at)) {
      return
    }
    if (this.retry) {
      clearTimeout(this.retry.timer)
    }
    const timer = setTimeout(() => {
      this.retry = null
      void this.syncNow(container, { retry_due: true }).catch((error) =>
        container.resolve("logger").warn(`AliExpress: could not queue failed listings again: ${describeError(error)}`)
      )
    }, Math.max(0, at - Date.now()) + 50)
    timer.unref?.()
    this.retry = { at, timer }
  }
}

