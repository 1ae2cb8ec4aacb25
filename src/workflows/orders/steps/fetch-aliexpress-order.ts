import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import type { OrderSummary } from "../../../lib/aliexpress"
import { toSnapshot } from "../../../lib/orders/types"

export const fetchAliExpressOrderStepId = "fetch-aliexpress-order"

/** Reads the order detail from AliExpress; a push or a list row is only a hint, the detail is the truth. */
export const fetchAliExpressOrderStep = createStep(
  { name: fetchAliExpressOrderStepId, maxRetries: 2, retryInterval: 1 },
  async (input: { ae_order_id: string; summary?: Partial<OrderSummary> | null }, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const account = await service.requireAccount()
    const detail = await service.getClient(account).getOrder(input.ae_order_id)
    return new StepResponse(toSnapshot(detail, input.summary ?? null))
  }
)
