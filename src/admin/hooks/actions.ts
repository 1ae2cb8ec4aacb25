import { useMutation, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { withAccount } from "../lib/account-path"
import { useAccountScope } from "./accounts"
import { aliexpressKeys } from "./query-keys"
import { watchSync } from "./sync-watch"

export const ACTION_PATHS = {
  sync: "/admin/aliexpress/sync",
  importOrders: "/admin/aliexpress/orders/import",
}

/**
 * Full or partial sync ("Sync now") of the chosen account, or of the account named in the body
 * (the product widget syncs each account's listing); the progress shows in its sync_progress.
 */
export const useSyncNow = () => {
  const qc = useQueryClient()
  const { accountId } = useAccountScope()
  return useMutation({
    mutationFn: (body: { product_ids?: string[]; account_id?: string } = {}) =>
      sdk.client.fetch<any>(ACTION_PATHS.sync, { method: "POST", body: withAccount(accountId, body) }),
    // Poll fast from the start, so the run is seen (and a stale "Sync failed" replaced) at once.
    onSuccess: () => watchSync(qc, 1),
    onSettled: () => qc.invalidateQueries({ queryKey: aliexpressKeys.all }),
  })
}

export const useImportOrdersNow = () => {
  const qc = useQueryClient()
  const { accountId } = useAccountScope()
  return useMutation({
    mutationFn: () => sdk.client.fetch<any>(ACTION_PATHS.importOrders, { method: "POST", body: withAccount(accountId) }),
    onSettled: () => qc.invalidateQueries({ queryKey: aliexpressKeys.all }),
  })
}

/**
 * The shipment push's "Retry": the chosen account's shipments that failed or wait for a retry
 * are sent again now, each through its retry route.
 */
export const useRetryShipmentPushes = () => {
  const qc = useQueryClient()
  const { accountId } = useAccountScope()
  return useMutation({
    mutationFn: async () => {
      const ids: string[] = []
      for (const status of ["failed", "pending"]) {
        const { shipments } = await sdk.client.fetch<{ shipments: { id: string }[] }>("/admin/aliexpress/shipments", {
          query: withAccount(accountId, { status, limit: 50, offset: 0 }),
        })
        ids.push(...shipments.map((s) => s.id))
      }
      for (const id of ids) {
        await sdk.client.fetch<any>(`/admin/aliexpress/shipments/${id}/retry`, { method: "POST", body: withAccount(accountId) })
      }
      return ids.length
    },
    onSettled: () => qc.invalidateQueries({ queryKey: aliexpressKeys.all }),
  })
}
