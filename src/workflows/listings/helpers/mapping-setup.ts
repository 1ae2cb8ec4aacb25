import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { AliExpressClient } from "../../../lib/aliexpress"
import {
  defaultTemplate,
  mappingTemplateSchema,
  type LookupList,
  type MappingContext,
  type MappingTemplate,
  type PriceRules,
  type QuantityRules,
} from "../../../lib/mapping"
import type AliExpressModuleService from "../../../modules/aliexpress/service"

type Account = Awaited<ReturnType<AliExpressModuleService["requireAccount"]>>

/** Everything a mapping needs except the per-product stock. */
export type MappingSetup = Omit<MappingContext, "stock" | "imageUrlMap" | "categoryInfo">

/**
 * The id of the template an account's sync uses: the account's own choice, else the one marked
 * default, else the oldest; null for the built-in one.
 */
export async function activeTemplateId(service: AliExpressModuleService, account: { template_id?: string | null }): Promise<string | null> {
  return (await activeTemplateRow(service, account, ["id"]))?.id ?? null
}

/** The row of the template an account's sync uses (one read, two when its own choice is gone). */
async function activeTemplateRow(service: AliExpressModuleService, account: { template_id?: string | null }, select?: string[]) {
  const fields = select ? { select } : {}
  if (account.template_id) {
    const [own] = await service.listAliExpressTemplates({ id: account.template_id }, { ...fields, take: 1 })
    if (own) return own
  }
  const [row] = await service.listAliExpressTemplates({}, { ...fields, order: { is_default: "DESC", created_at: "ASC" }, take: 1 })
  return row ?? null
}

/** The template an account's sync uses (see activeTemplateId), else the built-in one. */
export async function loadActiveTemplate(service: AliExpressModuleService, account: { template_id?: string | null }): Promise<MappingTemplate> {
  const row = await activeTemplateRow(service, account)
  if (!row) {
    return defaultTemplate()
  }
  return templateFromRow(row)
}

export function templateFromRow(row: { name: string; fields: unknown; attributes?: unknown; settings: unknown }): MappingTemplate {
  return mappingTemplateSchema.parse({
    name: row.name,
    fields: row.fields ?? {},
    attributes: row.attributes ?? {},
    settings: row.settings ?? {},
  }) as MappingTemplate
}

export async function loadLookupLists(service: AliExpressModuleService): Promise<LookupList[]> {
  const rows = await service.listAliExpressLookupLists({}, { take: 1000 })
  return rows.map((r) => ({ id: r.id, name: r.name, entries: (r.entries as unknown as LookupList["entries"]) ?? [] }))
}

export function priceRulesOf(account: Account, storeCurrency?: string): PriceRules {
  return {
    source: account.price_source,
    usd_rate: account.usd_rate,
    store_currency: storeCurrency,
    markup_percent: account.markup_percent,
    rounding: account.price_rounding,
  }
}

export function quantityRulesOf(account: Account): QuantityRules {
  return { buffer: account.stock_buffer, max_quantity: account.max_quantity }
}

async function storeCurrency(container: MedusaContainer): Promise<string | undefined> {
  const [store] = await container.resolve(Modules.STORE).listStores({}, { relations: ["supported_currencies"] })
  const currencies = (store as any)?.supported_currencies ?? []
  return (currencies.find((c: any) => c.is_default) ?? currencies[0])?.currency_code
}

const REFERENCE_TTL_MS = 10 * 60 * 1000

/**
 * The seller's freight and service template ids, read once per ten minutes per process:
 * two calls, not two per product. The pending read is shared, so pages planned at the same
 * moment do not each read them.
 */
export function sellerTemplateIds(service: AliExpressModuleService, accountId: string, client: AliExpressClient) {
  const referenceCache = service.caches.sellerTemplates
  const cached = referenceCache.get(accountId)
  if (cached && Date.now() - cached.at < REFERENCE_TTL_MS) {
    return cached.ids
  }
  const ids = Promise.all([client.listFreightTemplates(), client.listServiceTemplates()]).then(([freight, service]) => ({
    freight: freight.map((t) => String(t.id)),
    service: service.map((t) => String(t.id)),
  }))
  referenceCache.set(accountId, { at: Date.now(), ids })
  // A failed read is not kept: the next page asks again.
  ids.catch(() => referenceCache.get(accountId)?.ids === ids && referenceCache.delete(accountId))
  return ids
}

/** Loads template, lookup lists and rules; with a client, also the seller's valid template ids. */
export async function loadMappingSetup(
  container: MedusaContainer,
  service: AliExpressModuleService,
  account: Account,
  client?: AliExpressClient
): Promise<MappingSetup> {
  const [template, lookupLists, currency] = await Promise.all([
    loadActiveTemplate(service, account),
    loadLookupLists(service),
    account.price_source === "convert" ? storeCurrency(container) : Promise.resolve(undefined),
  ])
  const ids = client ? await sellerTemplateIds(service, account.id, client) : undefined
  return {
    template,
    lookupLists,
    priceRules: priceRulesOf(account, currency),
    quantityRules: quantityRulesOf(account),
    validFreightTemplateIds: ids?.freight,
    validServiceTemplateIds: ids?.service,
  }
}
