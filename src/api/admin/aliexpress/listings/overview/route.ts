import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ALIEXPRESS_MODULE } from "../../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../../modules/aliexpress/service"

/** Listing counts by status, with problems, unmatched AliExpress products, and the sync progress. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const [counts, [, unmatched], account] = await Promise.all([
    service.countListings(),
    service.listAndCountAliExpressListings({ product_id: null }, { take: 1, select: ["id"] }),
    service.getAccount(),
  ])
  res.json({
    overview: {
      total: counts.total,
      by_status: counts.by_status,
      with_problems: counts.with_problems,
      queued: counts.queued,
      unmatched,
      sync_progress: account?.sync_progress ?? null,
      last_sync_at: account?.last_sync_at ?? null,
    },
  })
}
