import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../../modules/aliexpress/service"
import { issueOAuthState } from "../state-store"
import { withAliExpressErrors } from "../../../../utils/aliexpress-errors"
import { accountIdOf } from "../../../../utils/account-scope"

/**
 * Starts the "Connect with AliExpress" round trip. The callback is built from
 * the origin this request came to, which is where the admin session cookie lives.
 */
export const POST = withAliExpressErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const account = await service.requireAccount(accountIdOf(req))
  if (!account.app_key || !account.app_secret_encrypted) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Save the app key and app secret before connecting to AliExpress"
    )
  }

  const redirectUri = `${req.protocol}://${req.get("host")}/admin/aliexpress/oauth/callback`
  const state = await issueOAuthState(req.scope, {
    account_id: account.id,
    actor_id: req.auth_context.actor_id,
    redirect_uri: redirectUri,
  })

  const url = new URL(`${account.gateway_url.replace(/\/+$/, "")}/oauth/authorize`)
  url.searchParams.set("response_type", "code")
  url.searchParams.set("force_auth", "true")
  url.searchParams.set("client_id", account.app_key)
  url.searchParams.set("redirect_uri", redirectUri)
  url.searchParams.set("state", state)
  res.json({ authorize_url: url.toString() })
})
