import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { withAccount } from "../lib/account-path"
import { useAccountScope } from "./accounts"
import { aliexpressKeys } from "./query-keys"
import type { ActivityDay, ActivityKind } from "../../lib/activity/daily-activity"
import type { CatalogueSource } from "../../lib/mapping/catalogue-sources"

export type Activity = { days: number; from: string; to: string; series: ActivityDay[]; totals: Record<ActivityKind, number> }

/** The last 30 days of orders, listing results and shipment pushes, for the overview charts. */
export const useActivity = (days = 30) => {
  const { accountId, ready } = useAccountScope()
  return useQuery({
    queryKey: aliexpressKeys.activity(accountId, days),
    queryFn: () => sdk.client.fetch<{ activity: Activity }>("/admin/aliexpress/activity", { query: withAccount(accountId, { days }) }),
    refetchInterval: 60 * 1000,
    enabled: ready,
  })
}

/** The catalogue's attributes with example values, for the mapping editor's source picker. */
export const useCatalogueSources = () => {
  const { accountId, ready } = useAccountScope()
  return useQuery({
    queryKey: aliexpressKeys.sources(accountId),
    queryFn: () =>
      sdk.client.fetch<{ sources: CatalogueSource[]; sampled_products: number; sample_limit: number }>("/admin/aliexpress/sources", {
        query: withAccount(accountId),
      }),
    staleTime: 5 * 60 * 1000,
    enabled: ready,
  })
}
