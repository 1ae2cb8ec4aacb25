import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ALIEXPRESS_MODULE } from "../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../modules/aliexpress/service"
import { presentOrderBinding } from "../../../../lib/orders/present"
import type { AdminListAliExpressOrdersType } from "./validators"
import { accountOf } from "../../../utils/account-scope"

/** AliExpress orders as imported, held or failed, newest first, with their shipment push status. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const { status, q, limit, offset } = req.validatedQuery as unknown as AdminListAliExpressOrdersType
  const account = await accountOf(req)
  if (!account) {
    return res.json({ orders: [], count: 0, limit, offset })
  }
  const filters: Record<string, unknown> = { account_id: account.id }
  if (status) {
    filters.status = status
  }
  if (q) {
    const like = `%${q.replace(/[%_\\]/g, "\\$&")}%`
    filters.$or = [{ ae_order_id: { $ilike: like } }, { buyer_login_id: { $ilike: like } }, { order_id: q }]
  }
  const [rows, count] = await service.listAndCountAliExpressOrders(filters, {
    take: limit,
    skip: offset,
    order: { created_at: "DESC" },
  })
  const shipments = rows.length
    ? await service.listAliExpressShipments({ account_id: account.id, ae_order_id: rows.map((r) => r.ae_order_id) }, { order: { created_at: "ASC" } })
    : []
  res.json({
    orders: rows.map((row) => presentOrderBinding(row, shipments.filter((s) => s.ae_order_id === row.ae_order_id))),
    count,
    limit,
    offset,
  })
}
