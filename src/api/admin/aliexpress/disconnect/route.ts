import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ALIEXPRESS_MODULE } from "../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../modules/aliexpress/service"
import { accountIdOf } from "../../../utils/account-scope"

/** Forgets the seller tokens; settings, listings and orders stay for a later reconnect. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const account = await service.requireAccount(accountIdOf(req))
  await service.disconnect(account.id)
  const updated = await service.retrieveAliExpressAccount(account.id)
  res.json({ settings: service.toPublicAccount(updated) })
}
