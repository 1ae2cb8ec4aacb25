import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useSearchParams } from "react-router-dom"
import { sdk } from "../lib/sdk"
import { ACCOUNT_PARAM, accountPath } from "../lib/account-path"
import type { AccountSummary, Settings } from "../lib/types"
import { aliexpressKeys } from "./query-keys"

export const ACCOUNTS_PATH = "/admin/aliexpress/accounts"

/** Every seller account of the store, oldest first, with its health for the accounts list. */
export const useAccounts = () =>
  useQuery({
    queryKey: aliexpressKeys.accounts(),
    queryFn: () => sdk.client.fetch<{ accounts: AccountSummary[]; count: number }>(ACCOUNTS_PATH),
    refetchInterval: 30 * 1000,
    retry: false,
  })

/**
 * The account the AliExpress screens act for: the URL's `account_id` (so a link opens on its
 * account), else the store's oldest account. `ready` is false while that default is still being
 * read, so no screen asks the backend without an account it would need.
 */
export const useAccountScope = (): { accountId: string | undefined; ready: boolean } => {
  const [params] = useSearchParams()
  const accounts = useAccounts()
  const fromUrl = params.get(ACCOUNT_PARAM)
  if (fromUrl) {
    return { accountId: fromUrl, ready: true }
  }
  return { accountId: accounts.data?.accounts[0]?.id, ready: !accounts.isPending }
}

/** The chosen account's id: the one source every AliExpress hook reads it from. */
export const useAccountId = () => useAccountScope().accountId

/**
 * Builds links between AliExpress screens that keep the URL's account, so a merchant who chose
 * an account stays on it (and a copied link names it).
 */
export const useAccountPath = () => {
  const [params] = useSearchParams()
  const accountId = params.get(ACCOUNT_PARAM)
  return (path: string) => accountPath(path, accountId)
}

export type NewAccount = {
  name: string
  gateway_url: string
  app_key: string
  app_secret: string
  /** null: a new "AliExpress - <name>" channel is created for the account */
  sales_channel_id: string | null
}

export const useCreateAccount = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: NewAccount) => sdk.client.fetch<{ account: Settings }>(ACCOUNTS_PATH, { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: aliexpressKeys.all }),
  })
}

/** Disconnects the account and takes it off the list; its listings and orders stay in the history. */
export const useRemoveAccount = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch<{ id: string; deleted: boolean }>(`${ACCOUNTS_PATH}/${id}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: aliexpressKeys.all }),
  })
}
