import type { MedusaContainer } from "@medusajs/framework/types"
import { requestListingSyncWorkflow } from "../../workflows/listings/workflows/request-listing-sync"
import { scheduleListingSync } from "../../workflows/listings/schedule-listing-sync"
import { describeError } from "./problems"

/** What every listing subscriber does with the products an event touched: queue, then debounce a run. */
export async function queueProductsFromEvent(container: MedusaContainer, event: string, productIds: string[]): Promise<void> {
  if (!productIds.length) {
    return
  }
  try {
    const { result } = await requestListingSyncWorkflow(container).run({ input: { product_ids: productIds } })
    if (result.requested) {
      scheduleListingSync(container)
    }
  } catch (error) {
    container.resolve("logger").warn(`AliExpress: could not queue products after ${event}: ${describeError(error)}`)
  }
}
