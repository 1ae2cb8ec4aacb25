import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ALIEXPRESS_MODULE } from "../../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../../modules/aliexpress/service"
import { saveAccountSettings } from "../../../../utils/save-account-settings"
import type { AdminUpdateAliExpressAccountType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const account = await service.requireAccount(req.params.id)
  res.json({ account: service.toPublicAccount(account) })
}

/** Saves the account's settings, as the settings route does for it. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateAliExpressAccountType>, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const existing = await service.requireAccount(req.params.id)
  const { account, products_to_update } = await saveAccountSettings(req, existing, req.validatedBody)
  res.json({ account, products_to_update })
}

/**
 * Removes the account: its tokens are forgotten and it leaves the list and the jobs, while its
 * listings, orders and shipments stay as history. The other accounts go on as before.
 */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const account = await service.requireAccount(req.params.id)
  await service.removeAccount(account.id)
  res.json({ id: account.id, object: "aliexpress_account", deleted: true })
}
