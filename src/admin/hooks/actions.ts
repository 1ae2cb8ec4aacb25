import { useMutation, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { aliexpressKeys } from "./query-keys"

export const ACTION_PATHS = {
  sync: "/admin/aliexpress/sync",
  importOrders: "/admin/aliexpress/orders/import",
}

/** Full or partial sync ("Sync now"); the progress shows in the account's sync_progress. */
export const useSyncNow = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: { product_ids?: string[] } = {}) =>
      sdk.client.fetch<any>(ACTION_PATHS.sync, { method: "POST", body }),
    onSettled: () => qc.invalidateQueries({ queryKey: aliexpressKeys.all }),
  })
}

export const useImportOrdersNow = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: () => sdk.client.fetch<any>(ACTION_PATHS.importOrders, { method: "POST", body: {} }),
    onSettled: () => qc.invalidateQueries({ queryKey: aliexpressKeys.all }),
  })
}
