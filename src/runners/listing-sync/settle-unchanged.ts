import type { MedusaContainer } from "@medusajs/framework/types"
import { ALIEXPRESS_MODULE } from "../../modules/aliexpress"
import type AliExpressModuleService from "../../modules/aliexpress/service"
import { describeError } from "../../lib/listings/problems"
import { SETTLEABLE_STATUSES } from "../../workflows/listings/steps/settle-unchanged-listings"
import { settleUnchangedListingsWorkflow } from "../../workflows/listings/workflows/settle-unchanged-listings"

/**
 * Listings looked at together. Taken in product order, so the rows their fingerprints read
 * lie close together; small enough that the query stays on its index plan.
 */
const CHUNK = 500

/**
 * The first pass of a large run: takes off the queue every listing whose stamp shows that
 * nothing it was mapped from changed, a chunk of listings per query instead of a page each,
 * so an unchanged catalogue costs its fingerprints and little else. What stays queued goes
 * through the pages as usual. Returns how many it took off; the pass only saves work, so a
 * failure leaves the rest queued for the pages and is logged, not thrown.
 */
export async function settleUnchangedQueue(
  container: MedusaContainer,
  accountId: string,
  concurrency: number,
  onSettled: (settled: number) => Promise<unknown>
): Promise<number> {
  const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
  const filter = {
    account_id: accountId,
    sync_requested_at: { $ne: null },
    ae_product_id: { $ne: null },
    source_stamp: { $ne: null },
    status: SETTLEABLE_STATUSES as any,
  }
  let settled = 0
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
        .run({ input: { account_id: accountId, listing_ids: rows.map((r) => r.id) } })
        .then(({ result }) => {
          settled += result.settled
          return onSettled(settled)
        })
        .catch((error) => {
          failure ??= error
        })
        .finally(() => running.delete(chunk))
      running.add(chunk)
      if (rows.length < CHUNK) break
      if (running.size >= concurrency) await Promise.race(running)
    }
  } catch (error) {
    failure ??= error
  }
  await Promise.allSettled(running)
  if (failure) {
    container.resolve("logger").warn(`AliExpress: the unchanged-listing pass stopped, the pages check the rest: ${describeError(failure)}`)
  }
  return settled
}
