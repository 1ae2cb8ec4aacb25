import type { MedusaContainer } from "@medusajs/framework/types"
import { ALIEXPRESS_MODULE } from "../../modules/aliexpress"
import type AliExpressModuleService from "../../modules/aliexpress/service"
import { describeError } from "../../lib/listings/problems"
import { requestListingSyncWorkflow } from "./workflows/request-listing-sync"
import { startListingSyncNow } from "./schedule-listing-sync"

/** Queues every listing and every product of the channel, then runs the sync: unchanged ones cost no call. */
export async function reconcileListings(container: MedusaContainer): Promise<void> {
  const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
  const account = await service.getAccount()
  if (!account || account.status !== "connected" || !account.sales_channel_id) {
    return
  }
  try {
    await requestListingSyncWorkflow(container).run({ input: { all: true } })
    await startListingSyncNow(container)
  } catch (error) {
    container.resolve("logger").warn(`AliExpress listing reconcile failed: ${describeError(error)}`)
  }
}
