import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../../../modules/aliexpress/service"
import { readCategoryAttributesWorkflow } from "../../../../../../workflows/listings/workflows/read-category-attributes"
import { CategoryIdParam, type AdminGetCategoryAttributesType } from "./validators"
import { withAliExpressErrors } from "../../../../../utils/aliexpress-errors"
import { accountIdOf } from "../../../../../utils/account-scope"

/**
 * A leaf category's item attributes (required ones marked, accepted values) and SKU attributes,
 * kept per account (`?refresh=true` reads them again); `?values=true` adds how the catalogue's
 * values match them with the saved template.
 */
export const GET = withAliExpressErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const id = CategoryIdParam.safeParse(req.params.id)
  if (!id.success) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `id: ${id.error.issues[0].message}`)
  }
  const { refresh, values } = req.validatedQuery as AdminGetCategoryAttributesType
  const { account } = await (req.scope.resolve(ALIEXPRESS_MODULE) as AliExpressModuleService).requireConnectedAccount(accountIdOf(req))
  const { result } = await readCategoryAttributesWorkflow(req.scope).run({ input: { account_id: account.id, category_id: id.data, refresh, values } })
  res.json({ category_attributes: result })
})
