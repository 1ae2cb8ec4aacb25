import type { MedusaContainer } from "@medusajs/framework/types"
import { rememberSecret } from "./known-secrets"

export const SANDBOX_APP_KEY = "sandbox-app-key"
export const SANDBOX_APP_SECRET = "sandbox-app-secret-0123456789"

/**
 * Points the plugin at a running sandbox: saves the settings over HTTP (which
 * also creates the AliExpress sales channel), mints a token pair from the
 * sandbox and stores it as the OAuth callback would. Returns the account.
 */
export async function connectSandbox(
  container: MedusaContainer,
  api: { post: (url: string, body: unknown, config?: any) => Promise<{ data: any }> },
  admin: { headers: Record<string, string> },
  sandboxUrl: string,
  settings: Record<string, unknown> = {}
): Promise<any> {
  rememberSecret(SANDBOX_APP_SECRET)
  await api.post(
    "/admin/aliexpress/settings",
    { gateway_url: sandboxUrl, app_key: SANDBOX_APP_KEY, app_secret: SANDBOX_APP_SECRET, ...settings },
    admin
  )
  const service: any = container.resolve("aliexpress")
  const account = await service.requireAccount()
  await saveSandboxTokens(container, account.id, await sandboxControl(sandboxUrl, "/tokens", {}))
  return await service.requireAccount()
}

/** Stores a sandbox token pair on an account as the OAuth callback would (and keeps it out of logs). */
async function saveSandboxTokens(container: MedusaContainer, accountId: string, tokens: any): Promise<void> {
  rememberSecret(tokens.access_token)
  rememberSecret(tokens.refresh_token)
  await (container.resolve("aliexpress") as any).saveTokens(accountId, {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    accessTokenExpiresAt: new Date(Number(tokens.expire_time)),
    refreshTokenExpiresAt: new Date(Number(tokens.refresh_token_valid_time)),
    sellerId: tokens.seller_id != null ? String(tokens.seller_id) : undefined,
    userNick: tokens.user_nick,
  })
}

/**
 * A second (or later) account on its own sandbox seller: added through the accounts route (which
 * gives it its own sales channel), then given that seller's tokens as the OAuth callback would.
 * With `account_id`, only new tokens (e.g. short-lived ones) for an existing account.
 */
export async function connectSecondAccount(
  container: MedusaContainer,
  api: { post: (url: string, body: unknown, config?: any) => Promise<{ data: any }> },
  admin: { headers: Record<string, string> },
  sandboxUrl: string,
  opts: {
    seller_id: string
    name?: string
    account_id?: string
    settings?: Record<string, unknown>
    tokens?: { access_ttl_sec?: number; refresh_ttl_sec?: number }
  }
): Promise<any> {
  rememberSecret(SANDBOX_APP_SECRET)
  const accountId =
    opts.account_id ??
    (
      await api.post(
        "/admin/aliexpress/accounts",
        { name: opts.name ?? "Second store", gateway_url: sandboxUrl, app_key: SANDBOX_APP_KEY, app_secret: SANDBOX_APP_SECRET, ...opts.settings },
        admin
      )
    ).data.account.id
  await saveSandboxTokens(container, accountId, await sandboxControl(sandboxUrl, "/tokens", { seller_id: opts.seller_id, ...opts.tokens }))
  return await (container.resolve("aliexpress") as any).requireAccount(accountId)
}

/** Calls the sandbox control API (`/__sandbox/...`) and returns its JSON answer. */
export async function sandboxControl(sandboxUrl: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${sandboxUrl}/__sandbox${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await response.json().catch(() => null)
  if (!response.ok) {
    throw new Error(`sandbox ${path} answered ${response.status}: ${JSON.stringify(json)}`)
  }
  return json
}
