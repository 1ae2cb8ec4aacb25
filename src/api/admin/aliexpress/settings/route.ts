import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ALIEXPRESS_MODULE } from "../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../modules/aliexpress/service"
import type { AdminSaveAliExpressSettingsType } from "./validators"
import { accountOf } from "../../../utils/account-scope"
import { saveAccountSettings } from "../../../utils/save-account-settings"

/** The settings of the account the request names (or the store's only one); null before the first is saved. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const account = await accountOf(req)
  res.json({ settings: account ? service.toPublicAccount(account) : null })
}

/** Saves the account's settings (the first save of a store creates its account). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSaveAliExpressSettingsType>, res: MedusaResponse) => {
  const { account, products_to_update } = await saveAccountSettings(req, await accountOf(req), req.validatedBody)
  res.json({ settings: account, products_to_update })
}
