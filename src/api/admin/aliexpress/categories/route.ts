import type AliExpressModuleService from "../../../../modules/aliexpress/service"
import { ALIEXPRESS_MODULE } from "../../../../modules/aliexpress"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminListAliExpressCategoriesType } from "./validators"
import { withAliExpressErrors } from "../../../utils/aliexpress-errors"
import { accountIdOf } from "../../../utils/account-scope"

/** One level of the AliExpress category tree, for picking a leaf category in the template editor. */
export const GET = withAliExpressErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { parent_id } = req.validatedQuery as AdminListAliExpressCategoriesType
  const { client } = await (req.scope.resolve(ALIEXPRESS_MODULE) as AliExpressModuleService).requireConnectedAccount(accountIdOf(req))
  res.json({ parent_id, categories: await client.getCategoryChildren(parent_id) })
})
