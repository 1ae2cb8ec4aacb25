import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { presentShipment } from "../../../../../../lib/orders/present"
import { retryAliExpressShipmentWorkflow } from "../../../../../../workflows/shipments/workflows/retry-shipment"
import type { AdminRetryAliExpressShipmentType } from "../../validators"
import { withAliExpressErrors } from "../../../../../utils/aliexpress-errors"
import { recordShipmentOutcome } from "../../../../../../runners/shipment-push"

/** Sends a failed shipment again now, optionally with a corrected tracking number or carrier. */
export const POST = withAliExpressErrors(async (req: AuthenticatedMedusaRequest<AdminRetryAliExpressShipmentType>, res: MedusaResponse) => {
  const { result } = await retryAliExpressShipmentWorkflow(req.scope).run({
    input: { id: req.params.id, ...req.validatedBody },
  })
  // A retry that went through ends a shipment push incident like any other push.
  await recordShipmentOutcome(req.scope, result as any)
  res.json({ shipment: presentShipment(result as any) })
})
