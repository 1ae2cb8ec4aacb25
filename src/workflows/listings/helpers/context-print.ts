import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { CATEGORY_ATTRIBUTES_TTL_MS } from "../../../modules/aliexpress/service"
import { baseContextPrint, contextPrint } from "../../../lib/listings/source-stamp"
import type { MappingSetup } from "./mapping-setup"

/** Past this many kept categories the context is not fingerprinted: every product is mapped. */
const MAX_CATEGORIES = 5000

/**
 * The fingerprints of everything an account's mappings read besides the products (see
 * `contextPrint`), whole and without the price and quantity rules (`baseContextPrint`), or null
 * when stamps must not be trusted for this page: some kept category definitions are due to be
 * read again (mapping would refresh them, and they may have changed).
 */
export async function mappingContextPrints(
  service: AliExpressModuleService,
  accountId: string,
  setup: MappingSetup,
  locationIds: string[]
): Promise<{ full: string; base: string } | null> {
  const rows = await service.listAliExpressCategoryAttributes(
    { account_id: accountId },
    { select: ["id", "category_id", "fetched_at", "updated_at"], take: MAX_CATEGORIES + 1, order: { category_id: "ASC" } }
  )
  const fresh = Date.now() - CATEGORY_ATTRIBUTES_TTL_MS
  if (rows.length > MAX_CATEGORIES || rows.some((r) => new Date(r.fetched_at).getTime() <= fresh)) {
    return null
  }
  const categories = rows.map((r) => [r.id, r.category_id, new Date(r.fetched_at).toISOString(), new Date(r.updated_at as any).toISOString()])
  const parts = { setup, locationIds: [...locationIds].sort(), categories }
  return { full: contextPrint(parts), base: baseContextPrint(parts) }
}
