import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import type { OrderSummary } from "../../../lib/aliexpress"
import { toSnapshot, type AeOrderSnapshot } from "../../../lib/orders/types"

export const fetchAliExpressOrderStepId = "fetch-aliexpress-order"

/**
 * Reads the order detail from AliExpress; a push or a list row is only a hint, the detail is
 * the truth. A run that already read the detail passes its snapshot instead of reading twice.
 */
export const fetchAliExpressOrderStep = createStep(
  // No retryInterval: it would make the engine checkpoint every step of every import to the
  // database (a third of the import's CPU); the client already retries with backoff.
  { name: fetchAliExpressOrderStepId, maxRetries: 1 },
  async (input: { ae_order_id: string; summary?: Partial<OrderSummary> | null; snapshot?: AeOrderSnapshot | null }, { container }) => {
    if (input.snapshot) {
      return new StepResponse(input.snapshot)
    }
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const account = await service.requireAccount()
    const detail = await service.getClient(account).getOrder(input.ae_order_id)
    return new StepResponse(toSnapshot(detail, input.summary ?? null))
  }
)
