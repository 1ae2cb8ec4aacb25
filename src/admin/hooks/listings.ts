import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { ListingStatus, Problem } from "../lib/types"
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

export const useListings = (query: ListingsQuery) =>
  useQuery({
    queryKey: aliexpressKeys.listings.list(query),
    queryFn: () =>
      sdk.client.fetch<{ listings: Listing[]; count: number; limit: number; offset: number }>(LISTINGS_PATH, {
        query: clean(query),
      }),
    placeholderData: keepPreviousData,
    refetchInterval: 5000,
  })

/** The listing of one Medusa product, or null when the product is not in the AliExpress channel. */
export const useListingForProduct = (productId: string) =>
  useQuery({
    queryKey: aliexpressKeys.listings.byProduct(productId),
    queryFn: async () => {
      try {
        const { listing } = await sdk.client.fetch<{ listing: Listing }>(`${LISTINGS_PATH}/${productId}`)
        return listing
      } catch (e: any) {
        if (e?.status === 404) return null
        throw e
      }
    },
    refetchInterval: 5000,
    retry: false,
  })
