import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { requireConnectedAccount } from "../../../../../../lib/listings/sync-account"
import { readCategoryAttributesWorkflow } from "../../../../../../workflows/listings/workflows/read-category-attributes"
import { CategoryIdParam, type AdminGetCategoryAttributesType } from "./validators"

/**
 * A leaf category's item attributes (required ones marked, accepted values) and SKU attributes,
 * kept per account (`?refresh=true` reads them again); `?values=true` adds how the catalogue's
 * values match them with the saved template.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const id = CategoryIdParam.safeParse(req.params.id)
  if (!id.success) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `id: ${id.error.issues[0].message}`)
  }
  const { refresh, values } = req.validatedQuery as AdminGetCategoryAttributesType
  await requireConnectedAccount(req.scope)
  const { result } = await readCategoryAttributesWorkflow(req.scope).run({ input: { category_id: id.data, refresh, values } })
  res.json({ category_attributes: result })
}
