import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { withAccount } from "../lib/account-path"
import type { Problem } from "../lib/types"
import type { TemplateRecord } from "../components/mapping/types"
import { useAccountScope } from "./accounts"
import { aliexpressKeys } from "./query-keys"
import { watchSync } from "./sync-watch"

export type LookupList = { id: string; name: string; description: string | null; entries: { from: string; to: string }[] }

export type Preview = {
  product_id: string
  template: string
  valid: boolean
  payload: Record<string, unknown> | null
  problems: Problem[]
  source_images?: string[]
  variant_skus?: Record<string, string>
  attributes?: {
    name: string
    name_id: string
    required: boolean
    origin: string
    values: { input: string; kind: string; value_name?: string; value_id?: string }[]
  }[]
}

export type MatchKind = "exact" | "spacing" | "lookup" | "id" | "country" | "other" | "text" | "none"

export type AttributeReport = {
  name: string
  name_id: string
  required: boolean
  input: "single" | "multi" | "text"
  origin: "template" | "category" | "brand" | "default"
  entry?: string
  /** the source in effect (for "default": the product's own field, else its metadata key) */
  source: import("../components/mapping/types").FieldSource
  value_list?: string
  accepted: { id: string; name: string }[]
  counts: { matched: number; other: number; failed: number; empty: number }
  values: { input: string; kind: MatchKind; value_id?: string; value_name?: string; products: number }[]
}

export type CategoryAttributes = {
  category_id: string
  error?: string
  attributes: { name_id: string; name: string; required: boolean; input: "single" | "multi" | "text"; values: { id: string; name: string }[] }[]
  sku_attributes: { name: string; required: boolean; custom_name: boolean; values: string[] }[]
  values: { products: number; scanned: number; attributes: AttributeReport[] } | null
}

/** A category's attributes (read through the chosen account) with the catalogue's value matches (with the saved template). */
export const useCategoryAttributes = (categoryId: string) => {
  const { accountId, ready } = useAccountScope()
  return useQuery({
    queryKey: aliexpressKeys.categoryAttributes(accountId, categoryId),
    queryFn: () =>
      sdk.client.fetch<{ category_attributes: CategoryAttributes }>(`/admin/aliexpress/categories/${categoryId}/attributes`, {
        query: withAccount(accountId, { values: "true" }),
      }),
    enabled: !!categoryId && ready,
    retry: false,
  })
}

export const useRefreshCategoryAttributes = () => {
  const qc = useQueryClient()
  const { accountId } = useAccountScope()
  return useMutation({
    mutationFn: (categoryId: string) =>
      sdk.client.fetch(`/admin/aliexpress/categories/${categoryId}/attributes`, { query: withAccount(accountId, { refresh: "true" }) }),
    onSuccess: (_d, categoryId) => qc.invalidateQueries({ queryKey: aliexpressKeys.categoryAttributes(accountId, categoryId) }),
  })
}

export const useTemplates = () =>
  useQuery({
    queryKey: aliexpressKeys.templates.all(),
    queryFn: () =>
      sdk.client.fetch<{ templates: TemplateRecord[]; builtin_template: TemplateRecord }>("/admin/aliexpress/templates"),
  })

export const useSaveTemplate = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...body }: TemplateRecord) =>
      id
        ? sdk.client.fetch<{ template: TemplateRecord; products_to_update?: number }>(`/admin/aliexpress/templates/${id}`, {
            method: "POST",
            body: { name: body.name, fields: body.fields, attributes: body.attributes ?? {}, settings: body.settings },
          })
        : sdk.client.fetch<{ template: TemplateRecord; products_to_update?: number }>("/admin/aliexpress/templates", {
            method: "POST",
            body: { name: body.name, fields: body.fields, attributes: body.attributes ?? {}, settings: body.settings, is_default: true },
          }),
    onSuccess: (data) => {
      watchSync(qc, data.products_to_update)
      return qc.invalidateQueries({ queryKey: aliexpressKeys.all })
    },
  })
}

/** A product's payload as the chosen account would send it (its prices and category data differ per account). */
export const usePreview = () => {
  const { accountId } = useAccountScope()
  return useMutation({
    mutationFn: (body: { product_id: string; template?: TemplateRecord }) =>
      sdk.client.fetch<{ preview: Preview }>("/admin/aliexpress/preview", {
        method: "POST",
        body: withAccount(accountId, {
          product_id: body.product_id,
          ...(body.template
            ? {
                template: {
                  name: body.template.name,
                  fields: body.template.fields,
                  attributes: body.template.attributes ?? {},
                  settings: body.template.settings,
                },
              }
            : {}),
        }),
      }),
  })
}

export const useLookupLists = () =>
  useQuery({
    queryKey: aliexpressKeys.lookupLists.all(),
    queryFn: () => sdk.client.fetch<{ lookup_lists: LookupList[] }>("/admin/aliexpress/lookup-lists"),
  })

export const useSaveLookupList = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<LookupList> & { name: string; entries: { from: string; to: string }[] }) =>
      sdk.client.fetch<{ lookup_list: LookupList; products_to_update?: number }>(id ? `/admin/aliexpress/lookup-lists/${id}` : "/admin/aliexpress/lookup-lists", {
        method: "POST",
        body: { name: body.name, description: body.description ?? null, entries: body.entries },
      }),
    onSuccess: (data) => {
      watchSync(qc, data.products_to_update)
      qc.invalidateQueries({ queryKey: aliexpressKeys.lookupLists.all() })
      // Value lists decide how attribute values match.
      qc.invalidateQueries({ queryKey: aliexpressKeys.categoryAttributes() })
    },
  })
}

export const useDeleteLookupList = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/aliexpress/lookup-lists/${id}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: aliexpressKeys.lookupLists.all() }),
  })
}
