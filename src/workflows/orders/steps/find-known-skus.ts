import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"

export const findKnownSkusStepId = "find-known-aliexpress-skus"

/** Which of the given SKU codes a Medusa variant now has. A read. */
export const findKnownSkusStep = createStep(findKnownSkusStepId, async (input: { skus: string[] }, { container }) => {
  if (!input.skus.length) {
    return new StepResponse([] as string[])
  }
  const variants = await container
    .resolve(Modules.PRODUCT)
    .listProductVariants({ sku: input.skus }, { select: ["sku"], take: input.skus.length })
  return new StepResponse(variants.map((v) => v.sku).filter(Boolean) as string[])
})
