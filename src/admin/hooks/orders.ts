import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { Problem } from "../lib/types"
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
}

export type OrdersQuery = { limit: number; offset: number; status?: string; q?: string }

const clean = (q: Record<string, unknown>) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== ""))

export const useAeOrders = (query: OrdersQuery) =>
  useQuery({
    queryKey: aliexpressKeys.orders.list(query),
    queryFn: () => sdk.client.fetch<{ orders: AeOrder[]; count: number }>("/admin/aliexpress/orders", { query: clean(query) }),
    placeholderData: keepPreviousData,
    refetchInterval: 10000,
  })

export const useAeOrderForOrder = (orderId: string) =>
  useQuery({
    queryKey: aliexpressKeys.orders.byOrder(orderId),
    queryFn: () => sdk.client.fetch<{ aliexpress_order: AeOrder | null }>(`/admin/aliexpress/orders/by-order/${orderId}`),
    refetchInterval: 5000,
  })

export const useAeShipments = (query: { limit: number; offset: number; status?: string }) =>
  useQuery({
    queryKey: aliexpressKeys.shipments.list(query),
    queryFn: () => sdk.client.fetch<{ shipments: AeShipment[]; count: number }>("/admin/aliexpress/shipments", { query: clean(query) }),
    placeholderData: keepPreviousData,
    refetchInterval: 10000,
  })

const useInvalidating = <T, V>(fn: (v: V) => Promise<T>) => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSettled: () => qc.invalidateQueries({ queryKey: aliexpressKeys.all }),
  })
}

export const useRetryOrder = () =>
  useInvalidating((id: string) => sdk.client.fetch<{ aliexpress_order: AeOrder }>(`/admin/aliexpress/orders/${id}/retry`, { method: "POST", body: {} }))

export const useRetryShipment = () =>
  useInvalidating(({ id, ...body }: { id: string; tracking_number?: string; service_name?: string }) =>
    sdk.client.fetch<any>(`/admin/aliexpress/shipments/${id}/retry`, { method: "POST", body })
  )

export const useUploadTracking = () =>
  useInvalidating((csv: string) => sdk.client.fetch<any>("/admin/aliexpress/orders/tracking-upload", { method: "POST", body: { csv } }))
