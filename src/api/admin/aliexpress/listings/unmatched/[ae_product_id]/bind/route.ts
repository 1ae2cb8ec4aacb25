import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { bindListingWorkflow } from "../../../../../../../workflows/listings/workflows/bind-listing"
import { listingSyncRunner } from "../../../../../../../runners/listing-sync"
import type { AdminBindAliExpressListingType } from "../../../validators"
import { withAliExpressErrors } from "../../../../../../utils/aliexpress-errors"

/** Binds an unmatched AliExpress product to a Medusa product; the next run brings it up to date. */
export const POST = withAliExpressErrors(async (req: AuthenticatedMedusaRequest<AdminBindAliExpressListingType>, res: MedusaResponse) => {
  const { result } = await bindListingWorkflow(req.scope).run({
    input: { ae_product_id: req.params.ae_product_id, product_id: req.validatedBody.product_id },
  })
  listingSyncRunner.schedule(req.scope)
  res.json({ listing: result })
})
