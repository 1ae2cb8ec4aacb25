import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { withAccount } from "../lib/account-path"
import type { Overview, Settings } from "../lib/types"
import { useAccountScope } from "./accounts"
import { aliexpressKeys } from "./query-keys"
import { overviewPollMs, watchSync } from "./sync-watch"

export const useSettings = () => {
  const { accountId, ready } = useAccountScope()
  return useQuery({
    queryKey: aliexpressKeys.settings(accountId),
    queryFn: () => sdk.client.fetch<{ settings: Settings | null }>("/admin/aliexpress/settings", { query: withAccount(accountId) }),
    enabled: ready,
  })
}

export const useSaveSettings = () => {
  const qc = useQueryClient()
  const { accountId } = useAccountScope()
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      sdk.client.fetch<{ settings: Settings; products_to_update?: number }>("/admin/aliexpress/settings", {
        method: "POST",
        body: withAccount(accountId, body),
      }),
    onSuccess: (data) => {
      watchSync(qc, data.products_to_update)
      return qc.invalidateQueries({ queryKey: aliexpressKeys.all })
    },
  })
}

/** Starts the OAuth round trip for the chosen account, or for the one named (a just-added account). */
export const useStartOAuth = () => {
  const { accountId } = useAccountScope()
  return useMutation({
    mutationFn: (explicitId: string | void) =>
      sdk.client.fetch<{ authorize_url: string }>("/admin/aliexpress/oauth/start", {
        method: "POST",
        body: withAccount(explicitId || accountId),
      }),
  })
}

// The consent page is another site: which account it connects is kept for the way back, in case
// the callback's redirect does not name it.
const OAUTH_ACCOUNT_KEY = "aliexpress-oauth-account"

/** Sends the browser to AliExpress's consent page for the account. */
export const goToAuthorize = (authorizeUrl: string, accountId: string | undefined) => {
  if (accountId) {
    window.sessionStorage.setItem(OAUTH_ACCOUNT_KEY, accountId)
  } else {
    window.sessionStorage.removeItem(OAUTH_ACCOUNT_KEY)
  }
  window.location.assign(authorizeUrl)
}

/** The account the last OAuth round trip was started for, read once. */
export const takeOAuthAccount = (): string | null => {
  const id = window.sessionStorage.getItem(OAUTH_ACCOUNT_KEY)
  window.sessionStorage.removeItem(OAUTH_ACCOUNT_KEY)
  return id
}

/** Starts the OAuth round trip and follows it to AliExpress's consent page. */
export const useConnect = () => {
  const start = useStartOAuth()
  const { accountId } = useAccountScope()
  const connect = async (explicitId?: string) => {
    const { authorize_url } = await start.mutateAsync(explicitId)
    goToAuthorize(authorize_url, explicitId ?? accountId)
  }
  return { connect, isPending: start.isPending }
}

export const useDisconnect = () => {
  const qc = useQueryClient()
  const { accountId } = useAccountScope()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ settings: Settings }>("/admin/aliexpress/disconnect", { method: "POST", body: withAccount(accountId) }),
    onSuccess: () => qc.invalidateQueries({ queryKey: aliexpressKeys.all }),
  })
}

/** Polls about every 2 s while a sync runs (or was just started), so the progress bar moves; slowly when idle. */
export const useOverview = () => {
  const qc = useQueryClient()
  const { accountId, ready } = useAccountScope()
  return useQuery({
    queryKey: aliexpressKeys.overview(accountId),
    queryFn: () => sdk.client.fetch<Overview>("/admin/aliexpress/overview", { query: withAccount(accountId) }),
    refetchInterval: (q) => overviewPollMs(qc, q.state.data?.account?.sync_progress?.state),
    enabled: ready,
  })
}
