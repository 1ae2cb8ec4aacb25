import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ALIEXPRESS_MODULE } from "../../../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../../../modules/aliexpress/service"
import { presentOrderBinding } from "../../../../../../lib/orders/present"

/** The AliExpress side of one Medusa order, for the order page widget; null when it did not come from AliExpress. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const [binding] = await service.listAliExpressOrders({ order_id: req.params.order_id }, { take: 1 })
  if (!binding) {
    res.json({ aliexpress_order: null })
    return
  }
  const [shipments, [account]] = await Promise.all([
    service.listAliExpressShipments({ account_id: binding.account_id, ae_order_id: binding.ae_order_id }, { order: { created_at: "ASC" } }),
    // A removed account still names the order's origin.
    service.listAliExpressAccounts({ id: binding.account_id }, { select: ["id", "name"], take: 1, withDeleted: true }),
  ])
  res.json({ aliexpress_order: { ...presentOrderBinding(binding, shipments), account_id: binding.account_id, account_name: account?.name ?? null } })
}
