import { MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ALIEXPRESS_MODULE } from "../../modules/aliexpress"
import type AliExpressModuleService from "../../modules/aliexpress/service"

export type SyncAccount = Awaited<ReturnType<AliExpressModuleService["requireAccount"]>>

/** The connected account with its client; refuses when the seller has not connected. */
export async function requireConnectedAccount(container: MedusaContainer) {
  const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
  const account = await service.requireAccount()
  if (account.status !== "connected" || !account.access_token_encrypted) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `The AliExpress account is not connected (${account.status}${account.status_reason ? `: ${account.status_reason}` : ""})`
    )
  }
  return { service, account, client: service.getClient(account) }
}
