import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../../../modules/aliexpress/service"
import { presentOrderBinding } from "../../../../../../lib/orders/present"
import { orderImportRunner } from "../../../../../../runners/order-import"
import { withAliExpressErrors } from "../../../../../utils/aliexpress-errors"

/** Imports a held or failed order again now (after the merchant fixed the SKU, say). */
export const POST = withAliExpressErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const binding = await service.retrieveAliExpressOrder(req.params.id)
  if (binding.status === "imported" || binding.status === "canceled") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `AliExpress order ${binding.ae_order_id} is already ${binding.status}`)
  }
  const run = await orderImportRunner.run(req.scope, binding.account_id, { trigger: "manual", ae_order_ids: [binding.ae_order_id] })
  const updated = await service.retrieveAliExpressOrder(binding.id)
  const shipments = await service.listAliExpressShipments({ account_id: updated.account_id, ae_order_id: updated.ae_order_id })
  res.json({ aliexpress_order: presentOrderBinding(updated, shipments), run })
})
