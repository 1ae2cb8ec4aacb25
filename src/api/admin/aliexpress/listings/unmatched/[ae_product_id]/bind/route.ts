import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { bindListingWorkflow } from "../../../../../../../workflows/listings/workflows/bind-listing"
import { listingSyncRunner } from "../../../../../../../runners/listing-sync"
import type { AdminBindAliExpressListingType } from "../../../validators"
import { withAliExpressErrors } from "../../../../../../utils/aliexpress-errors"
import { requireAccountOf } from "../../../../../../utils/account-scope"

/** Binds an unmatched AliExpress product to a Medusa product; the next run brings it up to date. */
export const POST = withAliExpressErrors(async (req: AuthenticatedMedusaRequest<AdminBindAliExpressListingType>, res: MedusaResponse) => {
  const account = await requireAccountOf(req)
  const { result } = await bindListingWorkflow(req.scope).run({
    input: { account_id: account.id, ae_product_id: req.params.ae_product_id, product_id: req.validatedBody.product_id },
  })
  listingSyncRunner.forAccount(account.id).schedule(req.scope)
  res.json({ listing: result })
})
