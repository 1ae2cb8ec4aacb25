import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { CATEGORY_ATTRIBUTES_TTL_MS } from "../../../modules/aliexpress/service"
import { contextPrint } from "../../../lib/listings/source-stamp"
import type { MappingSetup } from "./mapping-setup"

/** Past this many kept categories the context is not fingerprinted: every product is mapped. */
const MAX_CATEGORIES = 5000

/**
 * The fingerprint of everything an account's mappings read besides the products (see
 * `contextPrint`), or null when stamps must not be trusted for this page: some kept category
 * definitions are due to be read again (mapping would refresh them, and they may have changed).
 */
export async function mappingContextPrint(
  service: AliExpressModuleService,
  accountId: string,
  setup: MappingSetup,
  locationIds: string[]
): Promise<string | null> {
  const rows = await service.listAliExpressCategoryAttributes(
    { account_id: accountId },
    { select: ["id", "category_id", "fetched_at", "updated_at"], take: MAX_CATEGORIES + 1, order: { category_id: "ASC" } }
  )
  const fresh = Date.now() - CATEGORY_ATTRIBUTES_TTL_MS
  if (rows.length > MAX_CATEGORIES || rows.some((r) => new Date(r.fetched_at).getTime() <= fresh)) {
    return null
  }
  const categories = rows.map((r) => [r.id, r.category_id, new Date(r.fetched_at).toISOString(), new Date(r.updated_at as any).toISOString()])
  return contextPrint({ setup, locationIds: [...locationIds].sort(), categories })
}
