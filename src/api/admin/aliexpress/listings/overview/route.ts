import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ALIEXPRESS_MODULE } from "../../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../../modules/aliexpress/service"
import { accountIdOf } from "../../../../utils/account-scope"

/** Listing counts by status, with problems, unmatched AliExpress products, and the sync progress. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const account = await service.getAccount(accountIdOf(req))
  if (!account) {
    return res.json({ overview: { total: 0, by_status: {}, with_problems: 0, queued: 0, unmatched: 0, sync_progress: null, last_sync_at: null } })
  }
  const [counts, [, unmatched]] = await Promise.all([
    service.countListings(account.id),
    service.listAndCountAliExpressListings({ account_id: account.id, product_id: null }, { take: 1, select: ["id"] }),
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
