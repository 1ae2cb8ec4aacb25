import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { listingSyncSettings } from "../../../modules/aliexpress/options"
import type { PlannedListing } from "../../../lib/listings/plan"
import { publishOne, type PublishContext } from "../helpers/publish-one"
import { runPool } from "../../../lib/listings/pool"
import { ImageBank } from "../helpers/image-bank"
import { ListingWrites } from "../helpers/listing-writes"

export const publishListingsStepId = "publish-aliexpress-listings"

/**
 * Posts new products and edits changed ones, each product's pictures put in the image bank
 * just before its own call, with enough products in flight that the upload and post rate
 * limits are both used at once. Each outcome is stored within a moment of AliExpress' answer (in bulk), so a
 * product AliExpress created is never forgotten; that is also why there is no compensation:
 * undoing a post would only make the next run post it again. A post that may have landed
 * (`post_started_at` still set) is looked up by SKU before it is sent again.
 */
export const publishListingsStep = createStep(
  publishListingsStepId,
  async (input: { account_id: string; plans: PlannedListing[] }, { container }) => {
    const work = input.plans.filter((p) => p.action === "post" || p.action === "edit")
    if (!work.length) {
      return new StepResponse({ failed: [] as string[] })
    }
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const { account, client } = await service.requireConnectedAccount(input.account_id)
    const posts = work.filter((p) => p.action === "post").map((p) => p.listing_id)
    const bank = new ImageBank(service, account.id, client)
    const [rows] = await Promise.all([
      service.listAliExpressListings({ id: work.map((p) => p.listing_id) }, { select: ["id", "attempts"], take: work.length }),
      bank.prefetch(work.flatMap((p) => p.source_images)),
      posts.length
        ? service.updateAliExpressListings({ selector: { id: posts }, data: { post_started_at: new Date(), status: "pending" } })
        : undefined,
    ])
    const ctx: PublishContext = {
      service,
      client,
      accountId: account.id,
      bank,
      attempts: new Map(rows.map((r) => [r.id, r.attempts])),
      writes: new ListingWrites(service),
      authFailure: null,
      failed: [],
    }
    await runPool(work, listingSyncSettings().concurrency, (plan) => publishOne(ctx, plan))
    await ctx.writes.flush()
    if (ctx.authFailure) {
      await service.markReconnectNeeded(account.id, ctx.authFailure)
      throw new Error(`AliExpress refused the credentials: ${ctx.authFailure}`)
    }
    return new StepResponse({ failed: ctx.failed })
  }
)
