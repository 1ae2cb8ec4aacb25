import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { pageChannelProductIds, productsInChannel } from "../helpers/load-products"
import { createQueuedListings } from "../helpers/queued-listings"

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
    const created: string[] = []

    const queue = async (productIds: string[], knownInChannel: boolean) => {
      if (!productIds.length) return 0
      const rows = await service.listAliExpressListings(
        { account_id: account.id, product_id: productIds },
        { select: ["id", "product_id", "status"], take: productIds.length }
      )
      const byProduct = new Map(rows.map((r) => [r.product_id, r]))
      const missing = productIds.filter((id) => !byProduct.has(id))
      const inChannel = knownInChannel ? new Set(missing) : await productsInChannel(container, channelId, missing)
      const toCreate = missing.filter((id) => inChannel.has(id))
      if (rows.length) {
        await service.setSyncRequested(
          rows.map((r) => r.id),
          now,
          {
            ...(input.retry_now ? { next_attempt_at: null } : {}),
            ...(input.resend_stock ? { stock_hash: null } : {}),
          }
        )
        const drafts = rows.filter((r) => r.status === "draft").map((r) => r.id)
        if (drafts.length) {
          await service.updateAliExpressListings({ selector: { id: drafts }, data: { status: "pending" } })
        }
      }
      created.push(...(await createQueuedListings(service, account.id, toCreate, now)))
      return rows.length + toCreate.length
    }

    let requested = 0
    if (input.retry_due) {
      const due = await service.listAliExpressListings(
        { account_id: account.id, status: "error", next_attempt_at: { $lte: now }, product_id: { $ne: null } },
        { select: ["id"], take: PAGE }
      )
      if (due.length) {
        await service.updateAliExpressListings({ selector: { id: due.map((r) => r.id) }, data: { sync_requested_at: now } })
      }
      requested += due.length
    }
    if (input.all) {
      for (let after: string | null = null; ; ) {
        const ids: string[] = await pageChannelProductIds(container, channelId, after, PAGE)
        requested += await queue(ids, true)
        if (ids.length < PAGE) break
        after = ids[ids.length - 1]
      }
      // Listings whose product left the channel or was deleted: queued so they go offline.
      await service.updateAliExpressListings({
        selector: { account_id: account.id, product_id: { $ne: null }, sync_requested_at: null },
        data: { sync_requested_at: now, ...(input.retry_now ? { next_attempt_at: null } : {}) },
      })
    } else {
      const ids = [...new Set(input.product_ids ?? [])]
      for (let i = 0; i < ids.length; i += PAGE) {
        requested += await queue(ids.slice(i, i + PAGE), false)
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
