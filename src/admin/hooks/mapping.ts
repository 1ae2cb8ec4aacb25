import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { Problem } from "../lib/types"
import type { TemplateRecord } from "../components/mapping/types"
import { aliexpressKeys } from "./query-keys"

export type LookupList = { id: string; name: string; description: string | null; entries: { from: string; to: string }[] }

export type Preview = {
  product_id: string
  template: string
  valid: boolean
  payload: Record<string, unknown> | null
  problems: Problem[]
  source_images?: string[]
  variant_skus?: Record<string, string>
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
        ? sdk.client.fetch<{ template: TemplateRecord }>(`/admin/aliexpress/templates/${id}`, {
            method: "POST",
            body: { name: body.name, fields: body.fields, settings: body.settings },
          })
        : sdk.client.fetch<{ template: TemplateRecord }>("/admin/aliexpress/templates", {
            method: "POST",
            body: { name: body.name, fields: body.fields, settings: body.settings, is_default: true },
          }),
    onSuccess: () => qc.invalidateQueries({ queryKey: aliexpressKeys.all }),
  })
}

export const usePreview = () =>
  useMutation({
    mutationFn: (body: { product_id: string; template?: TemplateRecord }) =>
      sdk.client.fetch<{ preview: Preview }>("/admin/aliexpress/preview", {
        method: "POST",
        body: {
          product_id: body.product_id,
          ...(body.template ? { template: { name: body.template.name, fields: body.template.fields, settings: body.template.settings } } : {}),
        },
      }),
  })

export const useLookupLists = () =>
  useQuery({
    queryKey: aliexpressKeys.lookupLists.all(),
    queryFn: () => sdk.client.fetch<{ lookup_lists: LookupList[] }>("/admin/aliexpress/lookup-lists"),
  })

export const useSaveLookupList = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<LookupList> & { name: string; entries: { from: string; to: string }[] }) =>
      sdk.client.fetch<{ lookup_list: LookupList }>(id ? `/admin/aliexpress/lookup-lists/${id}` : "/admin/aliexpress/lookup-lists", {
        method: "POST",
        body: { name: body.name, description: body.description ?? null, entries: body.entries },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: aliexpressKeys.lookupLists.all() }),
  })
}

export const useDeleteLookupList = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/aliexpress/lookup-lists/${id}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: aliexpressKeys.lookupLists.all() }),
  })
}
