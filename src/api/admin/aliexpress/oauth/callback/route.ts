import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../../modules/aliexpress/service"
import { connectAliExpressAccountWorkflow } from "../../../../../workflows/settings/workflows/connect-account"
import { consumeOAuthState } from "../state-store"
import type { AdminAliExpressOAuthCallbackType } from "../validators"
import { withAliExpressErrors } from "../../../../utils/aliexpress-errors"

/**
 * Where AliExpress sends the seller back. A browser navigation, so every
 * outcome is a redirect to the settings screen, never a JSON error page.
 */
export const GET = withAliExpressErrors(async (
  req: AuthenticatedMedusaRequest<unknown, AdminAliExpressOAuthCallbackType>,
  res: MedusaResponse
) => {
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const settingsPath = `${(config.admin?.path ?? "/app").replace(/\/+$/, "")}/aliexpress/settings`
  let accountId: string | undefined
  // Back to the settings of the account being connected (the admin keeps the account in the URL).
  const back = (params: Record<string, string>) =>
    res.redirect(`${settingsPath}?${new URLSearchParams({ ...params, ...(accountId ? { account_id: accountId } : {}) }).toString()}`)

  const { code, state, error, error_description } = req.validatedQuery
  if (error) {
    return back({ error: `AliExpress did not authorize the app: ${error_description || error}` })
  }
  if (!code || !state) {
    return back({ error: "The AliExpress answer had no authorization code: start the connection again" })
  }

  const record = await consumeOAuthState(req.scope, state)
  if (!record || record.actor_id !== req.auth_context.actor_id) {
    logger.warn("AliExpress OAuth callback with an unknown, expired or foreign state was refused")
    return back({ error: "This connection link expired or was not started by you: start the connection again" })
  }

  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const account = await service.getAccount(record.account_id).catch(() => null)
  // With several accounts the settings page needs to know which one was connected.
  accountId = account && (await service.listAccounts()).length > 1 ? account.id : undefined
  if (!account) {
    return back({ error: "The AliExpress account changed during the connection: start it again" })
  }

  try {
    await connectAliExpressAccountWorkflow(req.scope).run({ input: { account_id: account.id, code } })
  } catch (e: any) {
    logger.warn(`AliExpress OAuth code exchange failed: ${e?.message ?? e}`)
    return back({ error: e?.message ?? "The code exchange with AliExpress failed" })
  }
  logger.info("AliExpress account connected")
  return back({ connected: "1" })
})
