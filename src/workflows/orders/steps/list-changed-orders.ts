import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { AliExpressAuthError, type OrderSummary } from "../../../lib/aliexpress"
import { CLOCK_SKEW_ALLOWANCE_MS, ORDER_PAGE_SIZE } from "../../../lib/orders/constants"
import type { ImportWindow } from "../../../lib/orders/import-window"

export const listChangedOrdersStepId = "list-changed-aliexpress-orders"

/** Every order AliExpress changed in the window, all pages (the client sends the window in US Pacific time). */
export const listChangedOrdersStep = createStep(
  // No retryInterval: it would make the engine checkpoint every step of the run to the database;
  // the client already retries what is worth retrying, with backoff.
  { name: listChangedOrdersStepId, maxRetries: 1 },
  async (input: { account_id: string; window: ImportWindow | null }, { container }) => {
    if (!input.window) {
      return new StepResponse([] as OrderSummary[])
    }
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const account = await service.requireAccount(input.account_id)
    const client = service.getClient(account)
    const byId = new Map<string, OrderSummary>()
    try {
      for await (const order of client.iterateOrders({
        modifiedFrom: new Date(input.window.from),
        // Reach a little past our clock: AliExpress' clock (and its gmt_update stamps) may run ahead,
        // and it takes whole seconds. The watermark stays at the window's end, so nothing is skipped.
        modifiedTo: new Date(Math.ceil(new Date(input.window.to).getTime() / 1000) * 1000 + CLOCK_SKEW_ALLOWANCE_MS),
        pageSize: ORDER_PAGE_SIZE,
      })) {
        byId.set(order.orderId, order)
      }
    } catch (error) {
      if (error instanceof AliExpressAuthError) {
        // Retrying cannot help: show the merchant the reconnect; the watermark stays, so no order is skipped.
        await service.markReconnectNeeded(account.id, error.message)
      }
      throw error
    }
    // Oldest change first, so a run cut short has handled a prefix of the window.
    const orders = [...byId.values()].sort(
      (a, b) => new Date(a.gmtUpdate ?? 0).getTime() - new Date(b.gmtUpdate ?? 0).getTime()
    )
    return new StepResponse(orders)
  }
)
