import { useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { withAccount } from "../lib/account-path"
import { useAccountScope } from "./accounts"
import { aliexpressKeys } from "./query-keys"

export type LogisticsService = { service_name: string; display_name?: string; company?: string; tracking_regex?: string }
export type NamedTemplate = { id: string; name: string; is_default?: boolean }
export type CategoryNode = { id: string; name: string; is_leaf: boolean; level?: number }

// The reference routes answer in AliExpress terms; normalise camelCase or snake_case so the screens do not care.
const pick = (o: any, ...keys: string[]) => keys.map((k) => o?.[k]).find((v) => v !== undefined)

const normService = (s: any): LogisticsService => ({
  service_name: String(pick(s, "service_name", "serviceName")),
  display_name: pick(s, "display_name", "displayName"),
  company: pick(s, "company", "logistics_company", "logisticsCompany"),
  tracking_regex: pick(s, "tracking_regex", "trackingRegex", "tracking_no_regex"),
})

const normTemplate = (t: any): NamedTemplate => ({
  id: String(pick(t, "id", "template_id", "templateId")),
  name: String(pick(t, "name", "template_name", "templateName") ?? pick(t, "id")),
  is_default: pick(t, "is_default", "isDefault"),
})

const normCategory = (c: any): CategoryNode => ({
  id: String(pick(c, "id", "category_id", "categoryId")),
  name: String(pick(c, "name") ?? pick(c, "id")),
  is_leaf: !!pick(c, "is_leaf", "isLeaf"),
  level: pick(c, "level"),
})

const firstArray = (data: any): any[] => (Array.isArray(data) ? data : (Object.values(data ?? {}).find(Array.isArray) as any[]) ?? [])

export const REFERENCE_PATHS = {
  logisticsServices: "/admin/aliexpress/reference/logistics-services",
  freightTemplates: "/admin/aliexpress/reference/freight-templates",
  serviceTemplates: "/admin/aliexpress/reference/service-templates",
  categories: "/admin/aliexpress/categories",
}

export const useLogisticsServices = (enabled = true) => {
  const { accountId, ready } = useAccountScope()
  return useQuery({
    queryKey: aliexpressKeys.reference("logistics-services", accountId),
    queryFn: async () => firstArray(await sdk.client.fetch<any>(REFERENCE_PATHS.logisticsServices, { query: withAccount(accountId) })).map(normService),
    enabled: enabled && ready,
    staleTime: 5 * 60 * 1000,
    retry: false,
  })
}

export const useFreightTemplates = (enabled = true) => {
  const { accountId, ready } = useAccountScope()
  return useQuery({
    queryKey: aliexpressKeys.reference("freight-templates", accountId),
    queryFn: async () => firstArray(await sdk.client.fetch<any>(REFERENCE_PATHS.freightTemplates, { query: withAccount(accountId) })).map(normTemplate),
    enabled: enabled && ready,
    staleTime: 5 * 60 * 1000,
    retry: false,
  })
}

export const useServiceTemplates = (enabled = true) => {
  const { accountId, ready } = useAccountScope()
  return useQuery({
    queryKey: aliexpressKeys.reference("service-templates", accountId),
    queryFn: async () => firstArray(await sdk.client.fetch<any>(REFERENCE_PATHS.serviceTemplates, { query: withAccount(accountId) })).map(normTemplate),
    enabled: enabled && ready,
    staleTime: 5 * 60 * 1000,
    retry: false,
  })
}

export const useCategoryChildren = (parentId: string, enabled = true) => {
  const { accountId, ready } = useAccountScope()
  return useQuery({
    queryKey: aliexpressKeys.reference("categories", accountId, parentId),
    queryFn: async () =>
      firstArray(await sdk.client.fetch<any>(REFERENCE_PATHS.categories, { query: withAccount(accountId, { parent_id: parentId }) })).map(
        normCategory
      ),
    enabled: enabled && ready,
    staleTime: 5 * 60 * 1000,
    retry: false,
  })
}

/**
 * Names of AliExpress category ids: those picked in this screen, then any level of the tree
 * already read (react-query keeps them), so an id shows what it is without another call.
 */
export const useCategoryNames = (picked: Record<string, string> = {}) => {
  const qc = useQueryClient()
  return (id: string): string | undefined => {
    const key = id.trim()
    if (!/^\d+$/.test(key)) return undefined
    if (picked[key]) return picked[key]
    for (const [, nodes] of qc.getQueriesData<CategoryNode[]>({ queryKey: aliexpressKeys.reference("categories").slice(0, 3) })) {
      const hit = nodes?.find((n) => n.id === key)
      if (hit) return hit.name
    }
    return undefined
  }
}
