import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { Overview, Settings } from "../lib/types"
import { aliexpressKeys } from "./query-keys"

export const useSettings = () =>
  useQuery({
    queryKey: aliexpressKeys.settings(),
    queryFn: () => sdk.client.fetch<{ settings: Settings | null }>("/admin/aliexpress/settings"),
  })

export const useSaveSettings = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      sdk.client.fetch<{ settings: Settings }>("/admin/aliexpress/settings", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: aliexpressKeys.all }),
  })
}

export const useStartOAuth = () =>
  useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ authorize_url: string }>("/admin/aliexpress/oauth/start", { method: "POST", body: {} }),
  })

export const useDisconnect = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: () => sdk.client.fetch<{ settings: Settings }>("/admin/aliexpress/disconnect", { method: "POST", body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: aliexpressKeys.all }),
  })
}

/** Polls faster while a sync is running, so the progress bar moves. */
export const useOverview = () =>
  useQuery({
    queryKey: aliexpressKeys.overview(),
    queryFn: () => sdk.client.fetch<Overview>("/admin/aliexpress/overview"),
    refetchInterval: (q) => (q.state.data?.account?.sync_progress?.state === "running" ? 1500 : 15000),
  })
