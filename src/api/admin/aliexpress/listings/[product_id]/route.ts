import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../../modules/aliexpress/service"
import { withAliExpressErrors } from "../../../../utils/aliexpress-errors"

/** The listing of one Medusa product: status, AliExpress id, problems, last sync. */
export const GET = withAliExpressErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const [listing] = await service.listAliExpressListings({ product_id: req.params.product_id }, { take: 1 })
  if (!listing) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${req.params.product_id} has no AliExpress listing (is it in the AliExpress sales channel?)`)
  }
  res.json({ listing })
})
