import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { listingSyncConfig } from "../../../lib/listings/config"
import { runPool } from "../../../lib/listings/pool"
import { requireConnectedAccount } from "../../../lib/listings/sync-account"
import { STATUS_READ_ORDER } from "../../../lib/listings/publish"
import { paced } from "../../../lib/listings/pacer"

export const readAliExpressProductsStepId = "read-aliexpress-products"

export type ExistingAeProduct = { productId: string; status: string; subject: string | null; skuCodes: string[] }


/** Reads every product of the seller account (all statuses, all pages) with its SKU codes. A read. */
export const readAliExpressProductsStep = createStep(readAliExpressProductsStepId, async (_: void, { container }) => {
  const { client } = await requireConnectedAccount(container)
  const byId = new Map<string, { productId: string; status: string; subject: string | null }>()
  for (const status of STATUS_READ_ORDER) {
    for await (const item of client.iterateProducts({ status, pageSize: 50 })) {
      if (!byId.has(item.productId)) {
        byId.set(item.productId, { productId: item.productId, status: item.status ?? status, subject: item.subject ?? null })
      }
    }
  }
  const summaries = [...byId.values()]
  const out: ExistingAeProduct[] = []
  await runPool(summaries, listingSyncConfig().concurrency, async (s) => {
    const detail = await paced("get", () => client.getProduct(s.productId))
    out.push({ ...s, status: detail.status ?? s.status, skuCodes: detail.skus.map((k) => k.skuCode).filter(Boolean) })
  })
  return new StepResponse(out)
})
