import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { listingSyncSettings } from "../../../modules/aliexpress/options"
import { runPool } from "../../../lib/listings/pool"
import { PRODUCT_STATUS_READ_ORDER } from "../../../lib/aliexpress"

export const readAliExpressProductsStepId = "read-aliexpress-products"

export type ExistingAeProduct = { productId: string; status: string; subject: string | null; skuCodes: string[] }

/** Reads every product of the seller account (all statuses, all pages) with its SKU codes. A read. */
export const readAliExpressProductsStep = createStep(
  // A read, safe to repeat. No retryInterval: it would make the run return before the retry and
  // checkpoint every step; the client already backs off within a call.
  { name: readAliExpressProductsStepId, maxRetries: 2 },
  async (input: { account_id: string }, { container }) => {
  const { client } = await (container.resolve(ALIEXPRESS_MODULE) as AliExpressModuleService).requireConnectedAccount(input.account_id)
  const byId = new Map<string, { productId: string; status: string; subject: string | null }>()
  for (const status of PRODUCT_STATUS_READ_ORDER) {
    for await (const item of client.iterateProducts({ status, pageSize: 50 })) {
      if (!byId.has(item.productId)) {
        byId.set(item.productId, { productId: item.productId, status: item.status ?? status, subject: item.subject ?? null })
      }
    }
  }
  const summaries = [...byId.values()]
  const out: ExistingAeProduct[] = []
  await runPool(summaries, listingSyncSettings().concurrency, async (s) => {
    const detail = await client.getProduct(s.productId)
    out.push({ ...s, status: detail.status ?? s.status, skuCodes: detail.skus.map((k) => k.skuCode).filter(Boolean) })
  })
  return new StepResponse(out)
})
