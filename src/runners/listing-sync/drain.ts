import type { MedusaContainer } from "@medusajs/framework/types"
import { ALIEXPRESS_MODULE } from "../../modules/aliexpress"
import type AliExpressModuleService from "../../modules/aliexpress/service"
import { listingSyncSettings } from "../../modules/aliexpress/options"
import { describeError } from "../../lib/listings/problems"
import { PRICE_STOCK_BATCH } from "../../lib/mapping"
import { importExistingListingsWorkflow } from "../../workflows/listings/workflows/import-existing-listings"
import { syncListingsBatchWorkflow } from "../../workflows/listings/workflows/sync-listings-batch"
import { healthReporter } from "../health"

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
}

const QUEUED = { sync_requested_at: { $ne: null }, product_id: { $ne: null } }
/** Past this many listings done, the progress total is approximate rather than a huge query. */
const MAX_EXCLUDED = 5000

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
export async function drainListingQueue(container: MedusaContainer, opts: SyncRunOptions): Promise<{ error: unknown } | null> {
  const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
  const logger = container.resolve("logger")
  const account = await service.getAccount()
  if (!account || account.status !== "connected" || !account.sales_channel_id) {
    return null
  }
  const queued = await service.listAndCountAliExpressListings(QUEUED, { take: 1, select: ["id"] })
  if (!queued[1] && !opts.report) {
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
  }
  const save = () => service.updateAliExpressAccounts({ id: account.id, sync_progress: { ...progress } })
  await save()
  try {
    if (!account.existing_listings_imported_at) {
      // Bind what the seller already sells before posting anything, or it would be posted twice.
      await importExistingListingsWorkflow(container).run()
    }
    const { batchSize, pagesInFlight } = listingSyncSettings()
    const inFlight = new Set<string>()
    const seen = new Set<string>()
    const pages = new Set<Promise<void>>()
    let failure: unknown = null
    let pagesStarted = 0
    const startPage = async (): Promise<boolean> => {
      // The first page is small, so the first calls leave while the next page is still being read;
      // one price/stock batch long, so a change to every product still fills every batch call.
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
            input: { listing_ids: ids, ignore_backoff: opts.ignore_backoff },
          })
          ids.forEach((id) => seen.add(id))
          // Counted once each, even when a change queued a listing again during the run.
          progress.done = seen.size
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
      while (!failure && pages.size < pagesInFlight && (await startPage())) {
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
