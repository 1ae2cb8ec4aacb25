import type { MedusaContainer } from "@medusajs/framework/types"
import { ALIEXPRESS_MODULE } from "../../modules/aliexpress"
import type AliExpressModuleService from "../../modules/aliexpress/service"
import { describeError } from "../../lib/listings/problems"
import { importExistingListingsWorkflow } from "../../workflows/listings/workflows/import-existing-listings"
import { healthReporter } from "../health"
import { countQueued, SyncRun, type SyncProgress, type SyncRunOptions } from "./sync-run"

export type { SyncProgress, SyncRunOptions } from "./sync-run"

/**
 * One sync run of an account, under its lock (see the account runner): records the run's
 * progress on the account, drains the queue (`SyncRun`), and reports the outcome to the
 * health checks. The queue is the table, so a run that cannot get the lock loses nothing:
 * the running one picks its products up.
 */
export async function drainListingQueue(container: MedusaContainer, accountId: string, opts: SyncRunOptions): Promise<{ error: unknown } | null> {
  const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
  const logger = container.resolve("logger")
  // A removed account has nothing left to sync.
  const account = await service.getAccount(accountId).catch(() => null)
  if (!account || account.status !== "connected" || !account.sales_channel_id) {
    return null
  }
  const queued = await countQueued(service, account.id)
  const [, openFeeds] = await service.listAndCountAliExpressFeedJobs({ account_id: account.id, status: "submitted" }, { take: 1, select: ["id"] })
  if (!queued && !openFeeds && !opts.report) {
    return null
  }
  let runError: unknown = null
  const progress: SyncProgress = {
    state: "running",
    done: 0,
    total: queued,
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
    await new SyncRun(container, account.id, opts, progress, save, openFeeds).drain(queued)
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
