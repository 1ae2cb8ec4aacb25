import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ALIEXPRESS_MODULE } from "../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../modules/aliexpress/service"
import { saveAccountSettings } from "../../../utils/save-account-settings"
import { summarizeAccounts } from "./summaries"
import type { AdminCreateAliExpressAccountType } from "./validators"

/** Every seller account of the store, oldest first, each with its health at a glance. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const accounts = await summarizeAccounts(req.scope, await service.listAccounts())
  res.json({ accounts, count: accounts.length })
}

/** Adds a seller account with its own sales channel; connecting it (OAuth) comes next. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateAliExpressAccountType>, res: MedusaResponse) => {
  const { account } = await saveAccountSettings(req, null, req.validatedBody, { create: true })
  res.status(201).json({ account })
}
