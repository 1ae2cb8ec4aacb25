import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AeOrderSnapshot, MatchedLine } from "../../../lib/orders/types"

export const matchOrderLinesStepId = "match-aliexpress-order-lines"

/** Finds the Medusa variant of each AliExpress item by SKU code (the listing sends variant SKUs as sku_code). */
export const matchOrderLinesStep = createStep(
  matchOrderLinesStepId,
  async (input: { snapshot: AeOrderSnapshot }, { container }) => {
    const skus = [...new Set(input.snapshot.items.map((i) => i.sku_code).filter((s): s is string => !!s))]
    if (!skus.length) {
      return new StepResponse([] as MatchedLine[])
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product_variant",
      fields: ["id", "sku", "title", "product_id", "product.title"],
      filters: { sku: skus },
    })
    const matches: MatchedLine[] = data
      .filter((v: any) => v.sku)
      .map((v: any) => ({
        sku_code: v.sku,
        variant_id: v.id,
        product_id: v.product_id,
        title: v.title,
        product_title: v.product?.title ?? null,
      }))
    return new StepResponse(matches)
  }
)
