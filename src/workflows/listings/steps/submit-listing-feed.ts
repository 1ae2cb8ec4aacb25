import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { toInventoryUpdates, toPriceUpdates } from "../../../lib/mapping"
import { classifyFailure, describeError } from "../../../lib/listings/problems"
import { retryDelayMs } from "../../../lib/listings/config"
import { FEED_OPERATION, feedPollDelayMs, type FeedItemRef, type UpdateCandidate, type UpdateKind } from "../../../lib/listings/updates"
import { candidateIdentity, listedSkus } from "../helpers/send-price-stock"

export const submitListingFeedStepId = "submit-aliexpress-listing-feed"

/**
 * Submits one feed job of price or stock changes (up to 300 products) and keeps it in the
 * feed job table before anything else, so it is polled, never submitted again, even if the
 * process stops right after. The listings take the new hash at once: a later run does not
 * send the same change while the job runs; an item that fails clears it again. A submit that
 * fails leaves the listings in `error` with a retry time, as a failed batch call does.
 * Nothing to compensate: the job is AliExpress', and its results are put on the listings.
 */
export const submitListingFeedStep = createStep(
  submitListingFeedStepId,
  async (input: { account_id: string; kind: UpdateKind; candidates: UpdateCandidate[] }, { container }) => {
    const { kind, candidates } = input
    if (!candidates.length) {
      return new StepResponse({ job_id: null as string | null })
    }
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const { client, account } = await service.requireConnectedAccount(input.account_id)
    const listed = listedSkus(candidates)
    let jobId: string
    try {
      ;({ jobId } = kind === "price" ? await client.submitPriceFeed(toPriceUpdates(listed)) : await client.submitInventoryFeed(toInventoryUpdates(listed)))
    } catch (error) {
      if (classifyFailure(error) === "auth") {
        await service.markReconnectNeeded(account.id, describeError(error))
      }
      const current = await service.listAliExpressListings({ id: candidates.map((c) => c.listing_id) }, { select: ["id", "attempts"], take: candidates.length })
      const attempts = new Map(current.map((r) => [r.id, (r.attempts ?? 0) + 1]))
      const now = new Date()
      await service.saveListings(
        candidates.map((c) => ({
          id: c.listing_id,
          status: "error",
          last_error: `The ${kind} feed could not be submitted: ${describeError(error)}`,
          attempts: attempts.get(c.listing_id) ?? 1,
          next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts.get(c.listing_id) ?? 1)),
          last_synced_at: now,
        }))
      )
      return new StepResponse({ job_id: null as string | null })
    }
    const items: FeedItemRef[] = candidates.map((c) => ({
      listing_id: c.listing_id,
      ae_product_id: c.ae_product_id,
      hash: (kind === "price" ? c.price_hash : c.stock_hash)!,
    }))
    await service.createAliExpressFeedJobs({
      account_id: account.id,
      ae_job_id: jobId,
      operation: FEED_OPERATION[kind],
      items: items as any,
      item_count: items.length,
      next_poll_at: new Date(Date.now() + feedPollDelayMs(0)),
    })
    await service.saveListings(
      candidates.map((c) => ({
        id: c.listing_id,
        ...candidateIdentity(c),
        ...(kind === "price" ? { price_hash: c.price_hash } : { stock_hash: c.stock_hash }),
      }))
    )
    return new StepResponse({ job_id: jobId as string | null })
  }
)
