import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { previewListing } from "../../../../workflows/listings/helpers/preview-listing"
import type { MappingTemplate } from "../../../../lib/mapping"
import type { AdminPreviewAliExpressListingType } from "./validators"
import { withAliExpressErrors } from "../../../utils/aliexpress-errors"
import { accountIdOf } from "../../../utils/account-scope"

/** What would be sent for a product, and why it would not be: nothing is sent. */
export const POST = withAliExpressErrors(async (req: AuthenticatedMedusaRequest<AdminPreviewAliExpressListingType>, res: MedusaResponse) => {
  const { product_id, template } = req.validatedBody
  res.json({ preview: await previewListing(req.scope, accountIdOf(req), product_id, template as MappingTemplate | undefined) })
})
