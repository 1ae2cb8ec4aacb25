import type { MedusaContainer } from "@medusajs/framework/types"
import { ALIEXPRESS_MODULE } from "../../modules/aliexpress"
import type AliExpressModuleService from "../../modules/aliexpress/service"
import { describeError } from "../../lib/listings/problems"
import type { UpdateCandidate } from "../../lib/listings/updates"
import { SETTLEABLE_LISTINGS } from "../../workflows/listings/steps/settle-unchanged-listings"
import { settleUnchangedListingsWorkflow } from "../../workflows/listings/workflows/settle-unchanged-listings"

/**
 * Listings looked at together. Taken in product order, so the rows their fingerprints read
 * lie close together; small enough that the query stays on its index plan.
 */
const CHUNK = 500

export type SettledChunk = { unchanged: number; repriced: number; candidates: UpdateCandidate[] }

/**
 * The first pass of a large run: takes off the queue every listing that needs no mapping, a
 * chunk of listings per query instead of a page each: those whose stamp shows that nothing
 * they were mapped from changed, and those only the price or quantity rules changed for,
 * repriced from their stored inputs (their updates go to `onChunk`). An unchanged catalogue
 * costs its fingerprints and little else, and a markup change no mapping. What stays queued
 * goes through the pages as usual. The pass only saves work, so a failure leaves the rest
 * queued for the pages and is logged, not thrown.
 */
export async function settleUnchangedQueue(
  container: MedusaContainer,
  accountId: string,
  options: { concurrency: number; force?: boolean },
  onChunk: (chunk: SettledChunk) => Promise<unknown>
): Promise<void> {
  const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
  const filter = { ...SETTLEABLE_LISTINGS, account_id: accountId, sync_requested_at: { $ne: null } }
  let failure: unknown = null
  let after: string | null = null
  const running = new Set<Promise<unknown>>()
  try {
    while (!failure) {
      const rows = await service.listAliExpressListings(
        { ...filter, product_id: after === null ? { $ne: null } : { $gt: after } },
        { select: ["id", "product_id"], take: CHUNK, order: { product_id: "ASC" } }
      )
      if (!rows.length) break
      after = rows[rows.length - 1].product_id as string
      const chunk = settleUnchangedListingsWorkflow(container)
        .run({ input: { account_id: accountId, listing_ids: rows.map((r) => r.id), force: options.force } })
        .then(({ result }) => onChunk(result))
        .catch((error) => {
          failure ??= error
        })
        .finally(() => running.delete(chunk))
      running.add(chunk)
      if (rows.length < CHUNK) break
      if (running.size >= options.concurrency) await Promise.race(running)
    }
  } catch (error) {
    failure ??= error
  }
  await Promise.allSettled(running)
  if (failure) {
    container.resolve("logger").warn(`AliExpress: the unchanged-listing pass stopped, the pages check the rest: ${describeError(failure)}`)
  }
}
