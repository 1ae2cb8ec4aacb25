import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ALIEXPRESS_MODULE } from "../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../modules/aliexpress/service"
import { attributeToken } from "../../../../lib/listings/search-text"
import type { AdminListAliExpressListingsType } from "./validators"
import { accountOf } from "../../../utils/account-scope"

/** Listings of Medusa products, filtered by status, problems, a missing attribute and a title/SKU search. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const { status, has_problems, q, missing_attribute, limit, offset } = req.validatedQuery as AdminListAliExpressListingsType
  const account = await accountOf(req)
  if (!account) {
    return res.json({ listings: [], count: 0, limit, offset })
  }
  const filters: Record<string, unknown> = { account_id: account.id, product_id: { $ne: null } }
  if (status) filters.status = status
  if (has_problems !== undefined) filters.problem_count = has_problems ? { $gt: 0 } : 0
  const escape = (text: string) => text.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)
  const searches: string[] = []
  if (q) searches.push(escape(q))
  if (missing_attribute) searches.push(escape(missing_attribute === "true" ? "attr:" : `attr:${attributeToken(missing_attribute)}`))
  if (searches.length === 1) filters.search_text = { $ilike: `%${searches[0]}%` }
  if (searches.length === 2) filters.$and = searches.map((s) => ({ search_text: { $ilike: `%${s}%` } }))
  const [listings, count] = await service.listAndCountAliExpressListings(filters, {
    take: limit,
    skip: offset,
    // Both descending, so the (updated_at, id) indexes are read backwards with no sort.
    order: { updated_at: "DESC", id: "DESC" },
  })
  res.json({ listings, count, limit, offset })
}
