import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../modules/aliexpress/service"
import { isConnectedAccount } from "../../../../modules/aliexpress/service"
import { ACCOUNT_HEALTH_JOBS, presentAccountHealth } from "../../../../lib/health/present"

type Account = Awaited<ReturnType<AliExpressModuleService["listAccounts"]>>[number]

/**
 * The accounts list's row per account: connection, token expiry, last import, the worst health
 * state of its jobs and conditions, and how many problems wait (listings with problems plus
 * failing jobs). A few bounded queries per account; a store has a handful of accounts.
 */
export async function summarizeAccounts(container: MedusaContainer, accounts: Account[]) {
  if (!accounts.length) {
    return []
  }
  const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
  const channelIds = accounts.map((a) => a.sales_channel_id).filter((id): id is string => !!id)
  const [healthRows, channels, counts] = await Promise.all([
    service.listAliExpressHealths({ account_id: accounts.map((a) => a.id) }),
    channelIds.length ? container.resolve(Modules.SALES_CHANNEL).listSalesChannels({ id: channelIds }, { select: ["id", "name"] }) : [],
    Promise.all(accounts.map((a) => service.countListings(a.id))),
  ])
  const channelName = new Map<string, string>((channels as Array<{ id: string; name: string }>).map((c) => [c.id, c.name]))
  return accounts.map((account, i) => {
    const health = presentAccountHealth(healthRows.filter((r) => r.account_id === account.id))
    const failingJobs = ACCOUNT_HEALTH_JOBS.filter((job) => health[job].state === "error" || health[job].state === "warning").length
    return {
      id: account.id,
      name: account.name,
      gateway_url: account.gateway_url,
      app_key: account.app_key,
      status: account.status,
      status_reason: account.status_reason,
      // Read from the row: listAccounts has already marked a token no key opens (no decryption per account).
      is_connected: isConnectedAccount(account),
      seller_id: account.seller_id,
      seller_nick: account.seller_nick,
      sales_channel_id: account.sales_channel_id,
      sales_channel_name: account.sales_channel_id ? channelName.get(account.sales_channel_id) ?? null : null,
      template_id: account.template_id ?? null,
      access_token_expires_at: account.access_token_expires_at,
      refresh_token_expires_at: account.refresh_token_expires_at,
      last_order_import_at: account.last_order_import_at,
      health_state: health.state,
      problem_count: counts[i].with_problems + failingJobs,
      listings_total: counts[i].total,
    }
  })
}
