import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../../modules/aliexpress/service"
import { withAliExpressErrors } from "../../../../utils/aliexpress-errors"

/**
 * The listings of one Medusa product, one per account whose channel holds it: status,
 * AliExpress id, problems, last sync, and the account's name. `listing` is the first of them.
 */
export const GET = withAliExpressErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const [rows, accounts] = await Promise.all([
    service.listAliExpressListings({ product_id: req.params.product_id }, { take: 50, order: { created_at: "ASC" } }),
    service.listAccounts(),
  ])
  const names = new Map(accounts.map((a) => [a.id, a.name]))
  // Listings of a removed account are history, not something the merchant can act on.
  const listings = rows.filter((l) => names.has(l.account_id)).map((l) => ({ ...l, account_name: names.get(l.account_id) }))
  const [listing] = listings
  if (!listing) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${req.params.product_id} has no AliExpress listing (is it in the AliExpress sales channel?)`)
  }
  res.json({ listing, listings })
})
