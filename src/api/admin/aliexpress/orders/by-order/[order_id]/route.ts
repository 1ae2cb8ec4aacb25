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
  const shipments = await service.listAliExpressShipments({ ae_order_id: binding.ae_order_id }, { order: { created_at: "ASC" } })
  res.json({ aliexpress_order: presentOrderBinding(binding, shipments) })
}
