import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { classifyFailure, describeError, marketplaceProblem } from "../../../lib/listings/problems"
import { retryDelayMs } from "../../../lib/listings/config"
import { runPool } from "../../../lib/listings/pool"
import { listingStatusFromAe } from "../../../lib/listings/status"
import { FEED_JOB_GIVE_UP_MS, feedPollDelayMs, matchFeedResults, type FeedItemRef } from "../../../lib/listings/updates"
import { RECOVERING_STATUSES } from "../helpers/send-price-stock"

export const pollListingFeedsStepId = "poll-aliexpress-listing-feeds"

/** Jobs asked about per step run; the client's rate limit paces them. */
const JOBS_PER_POLL = 50

type Row = { id: string } & Record<string, unknown>

/**
 * Asks AliExpress about the feed jobs that are due (`feed.query`), each on its own back-off
 * (1, 2, 4, 8, 15, then 30 s), and puts a finished job's per-item results on its listings in
 * one bulk write: an accepted item clears the listing's transport error, a refused one shows
 * AliExpress' reason as a problem, as a refused batch update does, and is sent again on the
 * next sync. A job with no answer after an hour is given up and its listings retried.
 * Works from the feed job table only, so jobs submitted before a restart are polled the same.
 */
export const pollListingFeedsStep = createStep(pollListingFeedsStepId, async (input: { account_id: string }, { container }) => {
  const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
  const account = await service.getAccount(input.account_id).catch(() => null)
  const result = { polled: 0, finished: 0, open: 0, next_poll_at: null as string | null }
  if (!account) {
    return new StepResponse(result)
  }
  const now = new Date()
  const due = await service.listAliExpressFeedJobs(
    { account_id: account.id, status: "submitted", next_poll_at: { $lte: now } },
    { take: JOBS_PER_POLL, order: { next_poll_at: "ASC" } }
  )
  if (due.length) {
    const { client } = await service.requireConnectedAccount(account.id)
    let authFailure: string | null = null
    await runPool(due, JOBS_PER_POLL, async (job) => {
      if (authFailure) return
      const items = job.items as unknown as FeedItemRef[]
      const field = job.operation === "PRODUCT_PRICES_UPDATE" ? "price_hash" : "stock_hash"
      const kind = field === "price_hash" ? "price" : "stock"
      const age = now.getTime() - new Date(job.created_at).getTime()
      try {
        const answer = await client.queryFeed(job.ae_job_id)
        result.polled++
        if (!answer.finished) {
          if (age < FEED_JOB_GIVE_UP_MS) {
            await service.updateAliExpressFeedJobs({ id: job.id, polls: job.polls + 1, next_poll_at: new Date(Date.now() + feedPollDelayMs(job.polls + 1)) })
            return
          }
          await giveUp(service, job.id, items, field, `AliExpress did not finish ${kind} feed job ${job.ae_job_id} within an hour`)
          result.finished++
          return
        }
        const outcome = matchFeedResults(items, answer.items)
        const current = await service.readListings(
          items.map((i) => i.listing_id),
          ["id", "status", "ae_status", field]
        )
        const byId = new Map(current.map((r) => [r.id as string, r as Record<string, any>]))
        const at = new Date()
        const rows: Row[] = []
        for (const item of outcome.succeeded) {
          const row = byId.get(item.listing_id)
          if (!row) continue
          rows.push({
            id: item.listing_id,
            ...(RECOVERING_STATUSES.includes(row.status) ? { status: listingStatusFromAe(row.ae_status), problems: [], problem_count: 0 } : {}),
            last_error: null,
            attempts: 0,
            next_attempt_at: null,
            last_synced_at: at,
          })
        }
        for (const { item, code, message } of outcome.failed) {
          const row = byId.get(item.listing_id)
          if (!row) continue
          const problem = marketplaceProblem({ code, message })
          rows.push({
            id: item.listing_id,
            problems: [problem],
            problem_count: 1,
            last_error: problem.message,
            last_synced_at: at,
            // Sent again on the next sync, unless a newer change has been sent since.
            ...(row[field] === item.hash ? { [field]: null } : {}),
          })
        }
        await service.saveListings(rows)
        await service.updateAliExpressFeedJobs({
          id: job.id,
          status: "finished",
          polls: job.polls + 1,
          succeeded_count: outcome.succeeded.length,
          finished_at: at,
          next_poll_at: null,
          last_error: outcome.failed.length ? `${outcome.failed.length} of ${items.length} items refused` : null,
        })
        result.finished++
      } catch (error) {
        if (classifyFailure(error) === "auth") {
          authFailure = describeError(error)
          return
        }
        if (age >= FEED_JOB_GIVE_UP_MS) {
          await giveUp(service, job.id, items, field, `AliExpress could not be asked about ${kind} feed job ${job.ae_job_id} within an hour: ${describeError(error)}`)
          result.finished++
          return
        }
        await service.updateAliExpressFeedJobs({
          id: job.id,
          polls: job.polls + 1,
          last_error: describeError(error),
          next_poll_at: new Date(Date.now() + feedPollDelayMs(job.polls + 1)),
        })
      }
    })
    if (authFailure) {
      await service.markReconnectNeeded(account.id, authFailure)
    }
  }
  const [next] = await service.listAliExpressFeedJobs(
    { account_id: account.id, status: "submitted" },
    { take: 1, select: ["id", "next_poll_at"], order: { next_poll_at: "ASC" } }
  )
  if (next) {
    result.open = (await service.listAndCountAliExpressFeedJobs({ account_id: account.id, status: "submitted" }, { take: 1, select: ["id"] }))[1]
    result.next_poll_at = next.next_poll_at ? new Date(next.next_poll_at).toISOString() : null
  }
  return new StepResponse(result)
})

/** The job's listings are sent again: the hash it carried is cleared and they wait for their retry. */
async function giveUp(service: AliExpressModuleService, jobId: string, items: FeedItemRef[], field: "price_hash" | "stock_hash", reason: string) {
  const now = new Date()
  const current = await service.listAliExpressListings({ id: items.map((i) => i.listing_id) }, { select: ["id", "attempts", field], take: items.length })
  const byId = new Map(current.map((r) => [r.id, r as Record<string, any>]))
  await service.saveListings(
    items
      .filter((i) => byId.has(i.listing_id))
      .map((i) => {
        const row = byId.get(i.listing_id)!
        const attempts = (row.attempts ?? 0) + 1
        return {
          id: i.listing_id,
          status: "error",
          last_error: reason,
          attempts,
          next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts)),
          last_synced_at: now,
          ...(row[field] === i.hash ? { [field]: null } : {}),
        }
      })
  )
  await service.updateAliExpressFeedJobs({ id: jobId, status: "failed", finished_at: now, next_poll_at: null, last_error: reason })
}
