import type { MedusaContainer } from "@medusajs/framework/types"
import { requestListingSyncWorkflow } from "../../workflows/listings/workflows/request-listing-sync"
import { startListingSyncNow } from "../../workflows/listings/schedule-listing-sync"
import { listingSyncConfig } from "./config"
import { flushDelay, listingEventBuffer, type BufferedIds, type BufferedKind } from "./event-buffer"
import { productIdsOfInventoryLevels, productIdsOfReservations, productIdsOfVariants } from "./event-products"
import { describeError } from "./problems"

/**
 * What every listing subscriber does: adds the ids its event names to the buffer. The first
 * id after a flush starts the debounce timer; when it fires, everything gathered is turned
 * into product ids and queued with ONE queue write, then one sync run starts. Creating 100
 * products (some 500 product, variant and stock events) thus costs one queue write and one run.
 * A lone change waits only the debounce; under a steady stream (orders arriving every second)
 * flushes keep a minimum gap, so the same products are not re-synced back to back.
 */
export function bufferListingEvent(container: MedusaContainer, kind: BufferedKind, ids: string[]): void {
  if (!ids.length) {
    return
  }
  listingEventBuffer.add(kind, ids)
  if (listingEventBuffer.busy) {
    return
  }
  listingEventBuffer.busy = true
  scheduleFlush(container)
}

let lastFlushAt = 0

function scheduleFlush(container: MedusaContainer): void {
  const { debounceMs, minGapMs } = listingSyncConfig()
  const timer = setTimeout(() => void flush(container), flushDelay(Date.now(), lastFlushAt, debounceMs, minGapMs))
  timer.unref?.()
}

async function productIdsOf(container: MedusaContainer, ids: BufferedIds): Promise<string[]> {
  const [variants, levels, reservations] = await Promise.all([
    productIdsOfVariants(container, ids.variant),
    productIdsOfInventoryLevels(container, ids.inventory_level),
    productIdsOfReservations(container, ids.reservation),
  ])
  return [...new Set([...ids.product, ...variants, ...levels, ...reservations])]
}

async function flush(container: MedusaContainer): Promise<void> {
  lastFlushAt = Date.now()
  const ids = listingEventBuffer.take()
  try {
    const productIds = await productIdsOf(container, ids)
    if (productIds.length) {
      const { result } = await requestListingSyncWorkflow(container).run({ input: { product_ids: productIds } })
      if (result.requested) {
        void startListingSyncNow(container)
      }
    }
  } catch (error) {
    container.resolve("logger").warn(`AliExpress: could not queue products after store events: ${describeError(error)}`)
  } finally {
    listingEventBuffer.busy = false
    if (listingEventBuffer.size) {
      // Events that came in while this flush ran.
      listingEventBuffer.busy = true
      scheduleFlush(container)
    }
  }
}
