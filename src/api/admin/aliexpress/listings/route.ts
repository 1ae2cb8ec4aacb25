import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ALIEXPRESS_MODULE } from "../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../modules/aliexpress/service"
import type { AdminListAliExpressListingsType } from "./validators"

/** Listings of Medusa products, filtered by status, problems and a title/SKU search. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const { status, has_problems, q, limit, offset } = req.validatedQuery as AdminListAliExpressListingsType
  const filters: Record<string, unknown> = { product_id: { $ne: null } }
  if (status) filters.status = status
  if (has_problems !== undefined) filters.problem_count = has_problems ? { $gt: 0 } : 0
  if (q) filters.search_text = { $ilike: `%${q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%` }
  const [listings, count] = await service.listAndCountAliExpressListings(filters, {
    take: limit,
    skip: offset,
    order: { updated_at: "DESC", id: "ASC" },
  })
  res.json({ listings, count, limit, offset })
}
