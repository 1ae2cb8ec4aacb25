import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ALIEXPRESS_MODULE } from "../../../../modules/aliexpress"
import { ORDER_BINDING_STATUSES, SHIPMENT_STATUSES } from "../../../../modules/aliexpress/models"
import type AliExpressModuleService from "../../../../modules/aliexpress/service"
import { presentAccountHealth } from "../../../../lib/health/present"
import { accountIdOf } from "../../../utils/account-scope"

const countBy = async <S extends string>(
  statuses: readonly S[],
  count: (status: S) => Promise<number>
): Promise<Record<S, number>> => {
  const counts = await Promise.all(statuses.map(count))
  return Object.fromEntries(statuses.map((s, i) => [s, counts[i]])) as Record<S, number>
}

/** Imports over this last stretch of time give the drain rate. */
const DRAIN_WINDOW_MS = 10 * 60 * 1000

/** What the Overview screen shows at a glance: account health (per job) and counts by status. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const account = await service.getAccount(accountIdOf(req))
  if (!account) {
    return res.json({ account: null, listings: null, orders: null, shipments: null, recent_listings: [] })
  }
  const scope = { account_id: account.id }
  // AliExpress products not bound to a Medusa product are not listings of the store yet.
  const bound = { ...scope, product_id: { $ne: null } } as Record<string, unknown>
  const one = { take: 1, select: ["id"] }

  const drainSince = new Date(Date.now() - DRAIN_WINDOW_MS)
  const [listingCounts, orders, shipments, recent, importedLately, [nextRetry], healthRows] = await Promise.all([
    service.countListings(account.id),
    countBy(ORDER_BINDING_STATUSES, async (status) => (await service.listAndCountAliExpressOrders({ ...scope, status }, one))[1]),
    countBy(SHIPMENT_STATUSES, async (status) => (await service.listAndCountAliExpressShipments({ ...scope, status }, one))[1]),
    service.listAliExpressListings(bound, {
      take: 8,
      order: { updated_at: "DESC" },
      select: ["id", "product_id", "product_title", "status", "problem_count", "last_synced_at", "last_error", "updated_at"],
    }),
    service.listAndCountAliExpressOrders({ ...scope, imported_at: { $gte: drainSince } }, one).then(([, n]) => n),
    service.listAliExpressOrders(
      { ...scope, status: ["held", "failed"], next_attempt_at: { $ne: null } },
      { take: 1, select: ["next_attempt_at"], order: { next_attempt_at: "ASC" } }
    ),
    service.listAliExpressHealths(scope),
  ])
  const waiting = orders.held + orders.failed + orders.importing

  const pub = service.toPublicAccount(account)
  res.json({
    account: {
      id: pub.id,
      name: pub.name,
      gateway_url: pub.gateway_url,
      status: pub.status,
      status_reason: pub.status_reason,
      is_connected: pub.is_connected,
      seller_nick: pub.seller_nick,
      access_token_expires_at: pub.access_token_expires_at,
      refresh_token_expires_at: pub.refresh_token_expires_at,
      last_order_import_at: pub.last_order_import_at,
      last_order_import_result: pub.last_order_import_result,
      last_sync_at: pub.last_sync_at,
      sync_progress: pub.sync_progress,
      // Each job's last success and failure, and the conditions the bell also reports.
      health: presentAccountHealth(healthRows),
    },
    listings: {
      total: listingCounts.total,
      by_status: listingCounts.by_status,
      with_problems: listingCounts.with_problems,
    },
    orders: {
      by_status: orders,
      // Orders not in Medusa yet, and how fast imports go lately: a backlog is seen draining.
      backlog: {
        waiting,
        imported_per_minute: Math.round((importedLately / (DRAIN_WINDOW_MS / 60000)) * 10) / 10,
        next_retry_at: nextRetry?.next_attempt_at ?? null,
      },
    },
    shipments: { by_status: shipments },
    recent_listings: recent,
  })
}
