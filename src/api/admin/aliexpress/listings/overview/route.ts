import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ALIEXPRESS_MODULE } from "../../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../../modules/aliexpress/service"
import { LISTING_STATUSES } from "../../../../../modules/aliexpress/models/listing"

/** Listing counts by status, with problems, unmatched AliExpress products, and the sync progress. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const count = async (filters: Record<string, unknown>) => (await service.listAndCountAliExpressListings(filters, { take: 1, select: ["id"] }))[1]
  const bound = { product_id: { $ne: null } }
  const entries = await Promise.all(LISTING_STATUSES.map(async (s) => [s, await count({ ...bound, status: s })] as const))
  const by_status = Object.fromEntries(entries)
  const account = await service.getAccount()
  res.json({
    overview: {
      total: entries.reduce((n, [, c]) => n + c, 0),
      by_status,
      with_problems: await count({ ...bound, problem_count: { $gt: 0 } }),
      queued: await count({ ...bound, sync_requested_at: { $ne: null } }),
      unmatched: await count({ product_id: null }),
      sync_progress: account?.sync_progress ?? null,
      last_sync_at: account?.last_sync_at ?? null,
    },
  })
}
