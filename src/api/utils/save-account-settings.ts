import type { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../modules/aliexpress"
import type AliExpressModuleService from "../../modules/aliexpress/service"
import type { AccountSettingsInput, PublicAccount } from "../../modules/aliexpress/types"
import { saveAliExpressSettingsWorkflow } from "../../workflows/settings/workflows/save-settings"
import { listingRulesChanged } from "../../lib/listings/rule-changes"
import { listingSyncRunner } from "../../runners/listing-sync"

type Account = Awaited<ReturnType<AliExpressModuleService["getAccount"]>>

/**
 * Saves one account's settings, or a new account (`existing` null with `create`), and when a
 * price or quantity rule or the template changed, looks at every listing of that account again
 * now; answers how many products that queued, so the admin can say so.
 */
export async function saveAccountSettings(
  req: MedusaRequest,
  existing: Account,
  body: AccountSettingsInput,
  opts: { create?: boolean } = {}
): Promise<{ account: PublicAccount; products_to_update: number }> {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  if (body.template_id) {
    const [template] = await service.listAliExpressTemplates({ id: body.template_id }, { select: ["id"], take: 1 })
    if (!template) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `template_id: mapping template ${body.template_id} does not exist`)
    }
  }
  const { result } = await saveAliExpressSettingsWorkflow(req.scope).run({
    input: {
      ...body,
      account_id: opts.create ? null : existing?.id ?? null,
      create: opts.create,
      // Keep the channel the merchant picked earlier unless they pick another.
      sales_channel_id: body.sales_channel_id ?? (opts.create ? null : existing?.sales_channel_id) ?? null,
    },
  })
  const saved = result as NonNullable<Account>
  const changed = !opts.create && !!existing && listingRulesChanged(existing as any, body as any)
  const products_to_update = changed ? await listingSyncRunner.rulesChanged(req.scope, saved.id) : 0
  return { account: service.toPublicAccount(saved), products_to_update }
}
