import type { MedusaContainer } from "@medusajs/framework/types"
import { listingSyncConfig } from "../../lib/listings/config"
import { listingEventBuffer } from "../../lib/listings/event-buffer"
import { runListingSync, type RunOptions } from "./run-listing-sync"

let timer: NodeJS.Timeout | null = null
let running: Promise<void> | null = null
let again: RunOptions | null = null

function start(container: MedusaContainer, opts: RunOptions): Promise<void> {
  if (running) {
    // Rows queued while this process runs are usually taken by the running loop; one more
    // pass afterwards covers the ones queued after its last look.
    again = { ignore_backoff: again?.ignore_backoff || opts.ignore_backoff, report: again?.report || opts.report }
    return running
  }
  running = runListingSync(container, opts).finally(() => {
    running = null
    if (again) {
      const next = again
      again = null
      void start(container, next)
    }
  })
  return running
}

/**
 * Gathers a burst of events into one run: the first event starts a short timer, the ones
 * arriving before it fires only add rows to the queue.
 */
export function scheduleListingSync(container: MedusaContainer, delayMs = listingSyncConfig().debounceMs): void {
  if (timer) {
    return
  }
  timer = setTimeout(() => {
    timer = null
    void start(container, {})
  }, delayMs)
  timer.unref?.()
}

/** Starts a run now (the "sync now" route); resolves when this process' run ends. */
export function startListingSyncNow(container: MedusaContainer, opts: RunOptions = {}): Promise<void> {
  return start(container, opts)
}

/** Resolves once this process has no run going, none scheduled and no events buffered (tests wait on it between cases). */
export async function whenListingSyncIdle(): Promise<void> {
  while (timer || running || listingEventBuffer.busy) {
    await (running ?? new Promise((resolve) => setTimeout(resolve, 50)))
  }
}
