import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export const findExistingMedusaOrderStepId = "find-existing-medusa-order-for-aliexpress"

/**
 * A run that died after Medusa created the order but before the binding was
 * completed leaves an order carrying the AliExpress id in its metadata; a
 * resumed claim adopts it instead of creating a second one.
 */
export const findExistingMedusaOrderStep = createStep(
  findExistingMedusaOrderStepId,
  async (
    input: { resumed: boolean; ae_order_id: string; sales_channel_id: string | null },
    { container }
  ) => {
    if (!input.resumed || !input.sales_channel_id) {
      return new StepResponse(null as string | null)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "metadata", "status"],
      // A claim goes stale within minutes; a week back is plenty and keeps the scan small.
      filters: { sales_channel_id: input.sales_channel_id, created_at: { $gte: new Date(Date.now() - 7 * 24 * 3600 * 1000) } },
    })
    const found = data.find((o: any) => o.metadata?.aliexpress_order_id === input.ae_order_id)
    return new StepResponse((found?.id as string | undefined) ?? null)
  }
)
