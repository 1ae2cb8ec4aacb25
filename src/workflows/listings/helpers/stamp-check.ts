import type { MedusaContainer } from "@medusajs/framework/types"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { unchangedByStamp, type StampedRow } from "../../../lib/listings/source-stamp"
import { productsInChannel } from "./load-products"
import { loadMappingSetup, type MappingSetup } from "./mapping-setup"
import { resolveStockLocationIds } from "./sellable-stock"
import { productPrints } from "./source-prints"
import { mappingContextPrints } from "./context-print"

type ConnectedAccount = Awaited<ReturnType<AliExpressModuleService["requireConnectedAccount"]>>

/** The listing columns planning reads (not the stored payload, problems or search text). */
export const PLAN_FIELDS = [
  "id",
  "product_id",
  "ae_product_id",
  "ae_status",
  "status",
  "content_hash",
  "price_hash",
  "stock_hash",
  "refused_hash",
  "source_stamp",
  "base_stamp",
  "problem_count",
  "post_started_at",
  "next_attempt_at",
]

export type StampCheck = {
  prints: Map<string, string>
  inChannel: Set<string>
  setup: MappingSetup
  locationIds: string[]
  /** the mapping context's fingerprint, or null when stamps must not be trusted now */
  context: string | null
  /** the same without the price and quantity rules (see baseContextPrint), null with `context` */
  baseContext: string | null
  /** ids of the listings whose stamp shows that nothing they were mapped from changed */
  unchanged: Set<string>
}

/**
 * Compares each listing's stamp with what its product and the account's mapping settings are
 * now (see source-stamp.ts): the listings it returns as unchanged would map to exactly the
 * hashes they have, so there is nothing to send and their product need not be loaded.
 */
export async function checkStamps(
  container: MedusaContainer,
  service: AliExpressModuleService,
  { account, client }: ConnectedAccount,
  rows: StampedRow[]
): Promise<StampCheck> {
  const productIds = rows.map((r) => r.product_id!)
  const [prints, inChannel, setup, locationIds] = await Promise.all([
    productPrints(container, productIds),
    productsInChannel(container, account.sales_channel_id ?? "", productIds),
    loadMappingSetup(container, service, account, client),
    resolveStockLocationIds(container, account),
  ])
  const contexts = prints.size ? await mappingContextPrints(service, account.id, setup, locationIds) : null
  const context = contexts?.full ?? null
  const unchanged = new Set(
    rows.filter((r) => unchangedByStamp(r, prints.get(r.product_id!), context, inChannel.has(r.product_id!))).map((r) => r.id)
  )
  return { prints, inChannel, setup, locationIds, context, baseContext: contexts?.base ?? null, unchanged }
}
