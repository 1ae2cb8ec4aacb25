import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireConnectedAccount } from "../../../../lib/listings/sync-account"
import type { AdminListAliExpressCategoriesType } from "./validators"
import { withAliExpressErrors } from "../../../utils/aliexpress-errors"

/** One level of the AliExpress category tree, for picking a leaf category in the template editor. */
export const GET = withAliExpressErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { parent_id } = req.validatedQuery as AdminListAliExpressCategoriesType
  const { client } = await requireConnectedAccount(req.scope)
  res.json({ parent_id, categories: await client.getCategoryChildren(parent_id) })
})
