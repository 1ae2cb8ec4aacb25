import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { aliexpressKeys } from "./query-keys"

/** Medusa's own resources the AliExpress screens pick from. */
export const useSalesChannels = () =>
  useQuery({
    queryKey: aliexpressKeys.medusa("sales-channels"),
    queryFn: () => sdk.admin.salesChannel.list({ limit: 100, fields: "id,name" }),
  })

export const useStockLocations = () =>
  useQuery({
    queryKey: aliexpressKeys.medusa("stock-locations"),
    queryFn: () => sdk.admin.stockLocation.list({ limit: 100, fields: "id,name" }),
  })

export const useShippingOptions = () =>
  useQuery({
    queryKey: aliexpressKeys.medusa("shipping-options"),
    queryFn: () => sdk.admin.shippingOption.list({ limit: 100, fields: "id,name,provider_id" } as any),
  })

export const useProductSearch = (q: string) =>
  useQuery({
    queryKey: aliexpressKeys.medusa("products", { q }),
    queryFn: () => sdk.admin.product.list({ q: q || undefined, limit: 20, fields: "id,title,thumbnail,handle" }),
  })
