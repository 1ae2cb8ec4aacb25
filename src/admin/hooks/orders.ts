import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { withAccount } from "../lib/account-path"
import type { Problem } from "../lib/types"
import { useAccountScope } from "./accounts"
import { aliexpressKeys } from "./query-keys"

export type AeShipment = {
  id: string
  ae_order_id: string
  order_id: string
  fulfillment_id: string
  service_name: string
  tracking_number: string
  tracking_website: string | null
  send_type: "all" | "part"
  status: "pending" | "sent" | "failed"
  attempts: number
  next_attempt_at: string | null
  last_error: string | null
  last_error_code: string | null
  sent_at: string | null
  created_at: string
}

export type AeOrder = {
  id: string
  ae_order_id: string
  order_id: string | null
  status: "importing" | "imported" | "held" | "failed" | "canceled"
  ae_status: string | null
  buyer_login_id: string | null
  total_amount: string | null
  currency_code: string
  ship_by: string | null
  problems: Problem[]
  last_error: string | null
  attempts: number
  ae_created_at: string | null
  imported_at: string | null
  shipment_push_status: "pending" | "sent" | "failed" | null
  shipments: AeShipment[]
  /** the seller account the order was placed with */
  account_id?: string
  account_name?: string | null
}

export type OrdersQuery = { limit: number; offset: number; status?: string; q?: string }

const clean = (q: Record<string, unknown>) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== ""))

export const useAeOrders = (query: OrdersQuery) => {
  const { accountId, ready } = useAccountScope()
  return useQuery({
    queryKey: aliexpressKeys.orders.list(accountId, query),
    queryFn: () =>
      sdk.client.fetch<{ orders: AeOrder[]; count: number }>("/admin/aliexpress/orders", { query: withAccount(accountId, clean(query)) }),
    placeholderData: keepPreviousData,
    refetchInterval: 10000,
    enabled: ready,
  })
}

/** The AliExpress side of a Medusa order, whichever account it came from (the order page's widget). */
export const useAeOrderForOrder = (orderId: string) =>
  useQuery({
    queryKey: aliexpressKeys.orders.byOrder(orderId),
    queryFn: () => sdk.client.fetch<{ aliexpress_order: AeOrder | null }>(`/admin/aliexpress/orders/by-order/${orderId}`),
    refetchInterval: 5000,
  })

export const useAeShipments = (query: { limit: number; offset: number; status?: string }) => {
  const { accountId, ready } = useAccountScope()
  return useQuery({
    queryKey: aliexpressKeys.shipments.list(accountId, query),
    queryFn: () =>
      sdk.client.fetch<{ shipments: AeShipment[]; count: number }>("/admin/aliexpress/shipments", { query: withAccount(accountId, clean(query)) }),
    placeholderData: keepPreviousData,
    refetchInterval: 10000,
    enabled: ready,
  })
}

/** A mutation for the chosen account that refreshes every AliExpress screen once it settles. */
const useInvalidating = <T, V>(fn: (v: V, accountId: string | undefined) => Promise<T>) => {
  const qc = useQueryClient()
  const { accountId } = useAccountScope()
  return useMutation({
    mutationFn: (v: V) => fn(v, accountId),
    onSettled: () => qc.invalidateQueries({ queryKey: aliexpressKeys.all }),
  })
}

export const useRetryOrder = () =>
  useInvalidating((id: string, accountId) =>
    sdk.client.fetch<{ aliexpress_order: AeOrder }>(`/admin/aliexpress/orders/${id}/retry`, { method: "POST", body: withAccount(accountId) })
  )

export const useRetryShipment = () =>
  useInvalidating(({ id, ...body }: { id: string; tracking_number?: string; service_name?: string }, accountId) =>
    sdk.client.fetch<any>(`/admin/aliexpress/shipments/${id}/retry`, { method: "POST", body: withAccount(accountId, body) })
  )

export const useUploadTracking = () =>
  useInvalidating((csv: string, accountId) =>
    sdk.client.fetch<any>("/admin/aliexpress/orders/tracking-upload", { method: "POST", body: withAccount(accountId, { csv }) })
  )
