import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { Overview, Settings } from "../lib/types"
import { aliexpressKeys } from "./query-keys"
import { overviewPollMs, watchSync } from "./sync-watch"

export const useSettings = () =>
  useQuery({
    queryKey: aliexpressKeys.settings(),
    queryFn: () => sdk.client.fetch<{ settings: Settings | null }>("/admin/aliexpress/settings"),
  })

export const useSaveSettings = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      sdk.client.fetch<{ settings: Settings; products_to_update?: number }>("/admin/aliexpress/settings", { method: "POST", body }),
    onSuccess: (data) => {
      watchSync(qc, data.products_to_update)
      return qc.invalidateQueries({ queryKey: aliexpressKeys.all })
    },
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

/** Polls about every 2 s while a sync runs (or was just started), so the progress bar moves; slowly when idle. */
export const useOverview = () => {
  const qc = useQueryClient()
  return useQuery({
    queryKey: aliexpressKeys.overview(),
    queryFn: () => sdk.client.fetch<Overview>("/admin/aliexpress/overview"),
    refetchInterval: (q) => overviewPollMs(qc, q.state.data?.account?.sync_progress?.state),
  })
}
