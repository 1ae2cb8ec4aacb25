import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { withAccount } from "../lib/account-path"
import type { ListingStatus, Problem } from "../lib/types"
import { useAccountScope } from "./accounts"
import { aliexpressKeys } from "./query-keys"

export type Listing = {
  id: string
  product_id: string
  product_title: string | null
  ae_product_id: string | null
  status: ListingStatus
  problems: Problem[] | null
  problem_count: number
  last_error: string | null
  audit_reason: string | null
  last_synced_at: string | null
  sync_requested_at?: string | null
  updated_at?: string
  /** the seller account the listing belongs to (each account lists a product separately) */
  account_id?: string
  account_name?: string | null
}

export type ListingsQuery = {
  limit: number
  offset: number
  status?: string
  has_problems?: boolean
  q?: string
  /** "true" for any category attribute, or an attribute name */
  missing_attribute?: string
}

export const LISTINGS_PATH = "/admin/aliexpress/listings"

const clean = (q: Record<string, unknown>) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== ""))

export const useListings = (query: ListingsQuery) => {
  const { accountId, ready } = useAccountScope()
  return useQuery({
    queryKey: aliexpressKeys.listings.list(accountId, query),
    queryFn: () =>
      sdk.client.fetch<{ listings: Listing[]; count: number; limit: number; offset: number }>(LISTINGS_PATH, {
        query: withAccount(accountId, clean(query)),
      }),
    placeholderData: keepPreviousData,
    refetchInterval: 5000,
    enabled: ready,
  })
}

/**
 * A Medusa product's listings, one per seller account that lists it (empty when the product is
 * in no account's channel). Not tied to the chosen account: the product page shows them all.
 */
export const useListingsForProduct = (productId: string) =>
  useQuery({
    queryKey: aliexpressKeys.listings.byProduct(productId),
    queryFn: async (): Promise<Listing[]> => {
      try {
        const { listing, listings } = await sdk.client.fetch<{ listing: Listing | null; listings?: Listing[] }>(`${LISTINGS_PATH}/${productId}`)
        return listings ?? (listing ? [listing] : [])
      } catch (e: any) {
        if (e?.status === 404) return []
        throw e
      }
    },
    refetchInterval: 5000,
    retry: false,
  })
