import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ALIEXPRESS_MODULE } from "../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../modules/aliexpress/service"
import { saveAliExpressSettingsWorkflow } from "../../../../workflows/settings/workflows/save-settings"
import type { AdminSaveAliExpressSettingsType } from "./validators"
import { listingRulesChanged } from "../../../../lib/listings/rule-changes"
import { listingSyncRunner } from "../../../../runners/listing-sync"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const account = await service.getAccount()
  res.json({ settings: account ? service.toPublicAccount(account) : null })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminSaveAliExpressSettingsType>,
  res: MedusaResponse
) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const existing = await service.getAccount()
  const body = req.validatedBody
  const { result } = await saveAliExpressSettingsWorkflow(req.scope).run({
    input: {
      ...body,
      // Keep the channel the merchant picked earlier unless they pick another.
      sales_channel_id: body.sales_channel_id ?? existing?.sales_channel_id ?? null,
    },
  })
  // A price or quantity rule changed: every listing is looked at again now, and the admin says how many.
  const products_to_update = listingRulesChanged(existing as any, body as any) ? await listingSyncRunner.rulesChanged(req.scope) : 0
  res.json({ settings: service.toPublicAccount(result as any), products_to_update })
}
