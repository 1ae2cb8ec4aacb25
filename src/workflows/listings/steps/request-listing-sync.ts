import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { pageChannelProductIds, productsInChannel } from "../helpers/load-products"

export const requestListingSyncStepId = "request-aliexpress-listing-sync"

export type RequestListingSyncInput = {
  /** the account whose listings are queued */
  account_id: string
  /** the products to look at again; ignored when `all` */
  product_ids?: string[]
  /** every product in the channel and every listing */
  all?: boolean
  /** the merchant asked: failed listings are retried now, not after their backoff */
  retry_now?: boolean
  /** listings that failed in transport and whose back-off has ended */
  retry_due?: boolean
  /**
   * AliExpress changed these listings' stock itself (it sold them): their stock is sent again
   * even where Medusa's ruled quantity did not change (a quantity capped by max_quantity, say).
   */
  resend_stock?: boolean
}

const PAGE = 500

/**
 * Puts products on the sync queue: the listing row's `sync_requested_at`. Products of the
 * AliExpress channel get a row (status `pending`) the first time; products outside it are
 * only queued when they have a row (so that leaving the channel takes them offline).
 * Compensation removes the rows it created.
 */
export const requestListingSyncStep = createStep(
  requestListingSyncStepId,
  async (input: RequestListingSyncInput, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const account = await service.getAccount(input.account_id).catch(() => null)
    if (!account?.sales_channel_id) {
      return new StepResponse({ requested: 0 }, [] as string[])
    }
    const channelId = account.sales_channel_id
    const now = new Date()
    const extras = { retryNow: input.retry_now, resendStock: input.resend_stock }
    const created: string[] = []

    let requested = 0
    if (input.retry_due) {
      const due = await service.listAliExpressListings(
        { account_id: account.id, status: "error", next_attempt_at: { $lte: now }, product_id: { $ne: null } },
        { select: ["id"], take: PAGE }
      )
      await service.setSyncRequested(due.map((r) => r.id), now)
      requested += due.length
    }
    if (input.all) {
      for (let after: string | null = null; ; ) {
        const ids: string[] = await pageChannelProductIds(container, channelId, after, PAGE)
        const last = ids.length < PAGE
        // Every one of them is in the channel: a listing is queued, or made queued, in one statement.
        created.push(...(await service.createQueuedListings(account.id, ids, now, extras)))
        // Listings of products between these that are not in the channel (any more): queued to go offline.
        await service.queueListingsMissingFrom(account.id, { after, upTo: last ? null : ids[ids.length - 1] }, ids, now, extras)
        requested += ids.length
        if (last) break
        after = ids[ids.length - 1]
      }
    } else {
      const ids = [...new Set(input.product_ids ?? [])]
      for (let i = 0; i < ids.length; i += PAGE) {
        const page = ids.slice(i, i + PAGE)
        const listed = await service.queueProductListings(account.id, page, now, extras)
        // Products outside the channel are only queued when they have a listing (to go offline).
        const inChannel = await productsInChannel(container, channelId, page.filter((id) => !listed.has(id)))
        created.push(...(await service.createQueuedListings(account.id, [...inChannel], now, extras)))
        requested += listed.size + inChannel.size
      }
    }
    return new StepResponse({ requested }, created)
  },
  async (created, { container }) => {
    if (!created?.length) {
      return
    }
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    await service.deleteAliExpressListings(created)
  }
)
