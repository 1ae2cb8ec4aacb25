import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { defaultTemplate } from "../../src/lib/mapping"
import { computeInventory } from "../../src/lib/mapping"
import { setupUsStore } from "../../scripts/lib/store-setup"
import { connectSandbox, connectSecondAccount, sandboxControl } from "../helpers/connect-sandbox"

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Polls until `fn` answers something truthy; the error names what was awaited and the last state seen. */
export async function until<T>(what: string, fn: () => Promise<T | undefined | null | false>, timeoutMs: number, everyMs = 500): Promise<T> {
  const end = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < end) {
    try {
      const v = await fn()
      if (v) return v as T
    } catch (e) {
      last = e
    }
    await sleep(everyMs)
  }
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}${last ? `: ${(last as Error).message}` : ""}`)
}

/** The default template with the sandbox's seeded category, freight and service templates. */
export function templateBody() {
  const base = defaultTemplate("Tees")
  return {
    name: "Tees",
    is_default: true,
    fields: {
      ...base.fields,
      category_id: { source: "constant", value: 200000346 },
      freight_template_id: { source: "constant", value: 1000 },
      service_template_id: { source: "constant", value: 1001001 },
    },
  }
}

/** A US store that can take AliExpress orders, connected to the sandbox, with a default template. */
export async function prepareSyncStore(
  container: MedusaContainer,
  api: any,
  admin: { headers: Record<string, string> },
  sandboxUrl: string,
  settings: Record<string, unknown> = {}
) {
  const store = await setupUsStore(container)
  const tax = container.resolve(Modules.TAX)
  const regions = await tax.listTaxRegions({ country_code: "us" })
  await tax.updateTaxRegions(regions.filter((r: any) => !r.provider_id).map((r: any) => ({ id: r.id, provider_id: "tp_system" })))
  const account = await connectSandbox(container, api, admin, sandboxUrl, {
    stock_location_ids: [store.stockLocationId],
    carrier_mapping: { [store.shippingOptionId]: "CAINIAO_STANDARD" },
    ...settings,
  })
  const res = await api.post("/admin/aliexpress/templates", templateBody(), admin)
  if (res.status !== 201) throw new Error(`template not saved: ${res.status}`)
  return { store, account }
}

/**
 * One more account on a new sandbox seller of the same store (after prepareSyncStore), with its own
 * sales channel, the store's stock location and carrier mapping, and the given settings.
 */
export async function addSyncAccount(
  container: MedusaContainer,
  api: any,
  admin: { headers: Record<string, string> },
  sandboxUrl: string,
  store: Awaited<ReturnType<typeof setupUsStore>>,
  opts: { name: string; settings?: Record<string, unknown> }
) {
  const sellerId = String((await sandboxControl(sandboxUrl, "/sellers", { nick: opts.name.toLowerCase().replace(/[^a-z0-9]+/g, "-") })).seller_id)
  return await connectSecondAccount(container, api, admin, sandboxUrl, {
    name: opts.name,
    seller_id: sellerId,
    settings: {
      stock_location_ids: [store.stockLocationId],
      carrier_mapping: { [store.shippingOptionId]: "CAINIAO_STANDARD" },
      ...opts.settings,
    },
  })
}

/** Every listing of one account (the store's only one when none is named) through the admin API, all pages. */
export async function allListings(api: any, admin: { headers: Record<string, string> }, accountId?: string): Promise<any[]> {
  const out: any[] = []
  const scope = accountId ? `&account_id=${accountId}` : ""
  for (let offset = 0; ; offset += 500) {
    const { data } = await api.get(`/admin/aliexpress/listings?limit=500&offset=${offset}${scope}`, admin)
    out.push(...data.listings)
    if (out.length >= data.count || !data.listings.length) return out
  }
}

/** What the quantity rules say AliExpress should show per SKU: sellable Medusa stock at the account's locations. */
export async function expectedInventoryBySku(container: MedusaContainer, productIds: string[], locationIds: string[], rules: { buffer: number; max_quantity: number | null }) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["sku", "inventory_items.inventory_item_id", "inventory_items.required_quantity"],
    filters: { product_id: productIds },
  })
  const itemIds = variants.flatMap((v: any) => v.inventory_items.map((i: any) => i.inventory_item_id))
  const levels = await container
    .resolve(Modules.INVENTORY)
    .listInventoryLevels({ inventory_item_id: itemIds, location_id: locationIds }, { take: itemIds.length * locationIds.length + 10 })
  const free = new Map<string, number>()
  for (const l of levels) {
    free.set(l.inventory_item_id, (free.get(l.inventory_item_id) ?? 0) + Number(l.stocked_quantity) - Number(l.reserved_quantity))
  }
  const out: Record<string, number> = {}
  for (const v of variants as any[]) {
    const sellable = Math.min(...v.inventory_items.map((i: any) => Math.floor((free.get(i.inventory_item_id) ?? 0) / (i.required_quantity ?? 1))))
    out[v.sku] = computeInventory(Math.max(0, sellable), rules)
  }
  return out
}

/** The sandbox's view of one seller (the seeded one when none is named). */
export const sandboxState = (url: string, sellerId?: string) => sandboxControl(url, sellerId ? `/state?seller_id=${sellerId}` : "/state")
