import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ALIEXPRESS_MODULE } from "../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../modules/aliexpress/service"
import { presentShipment } from "../../../../lib/orders/present"
import type { AdminListAliExpressShipmentsType } from "./validators"
import { accountOf } from "../../../utils/account-scope"

/** Shipment pushes, newest first; failed ones carry AliExpress' code and message. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const { status, order_id, limit, offset } = req.validatedQuery as unknown as AdminListAliExpressShipmentsType
  const account = await accountOf(req)
  if (!account) {
    return res.json({ shipments: [], count: 0, limit, offset })
  }
  const filters: Record<string, unknown> = { account_id: account.id }
  if (status) {
    filters.status = status
  }
  if (order_id) {
    filters.order_id = order_id
  }
  const [rows, count] = await service.listAndCountAliExpressShipments(filters, {
    take: limit,
    skip: offset,
    order: { created_at: "DESC" },
  })
  res.json({ shipments: rows.map(presentShipment), count, limit, offset })
}
