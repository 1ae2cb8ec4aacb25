import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ALIEXPRESS_MODULE } from "../../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../../modules/aliexpress/service"
import { accountOf } from "../../../../utils/account-scope"

/** AliExpress products of the account that matched no Medusa product by SKU. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const [unmatched, count] = await service.listAndCountAliExpressListings({ account_id: (await accountOf(req))?.id ?? [], product_id: null }, { order: { created_at: "ASC" }, take: 500 })
  res.json({ unmatched, count })
}
