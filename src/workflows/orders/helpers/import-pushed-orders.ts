import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runOrderImport } from "./run-order-import"

const GATHER_MS = 150
const RETRY_MS = 2000

const pending = new Set<string>()
let timer: NodeJS.Timeout | null = null
let running = false

/**
 * Pushes arrive one order at a time, often many a second. Each one waiting for
 * the import lock on its own queues up and times out; instead this process
 * gathers the pushed ids and imports them in one run, and keeps the ids when a
 * run cannot start (lock held elsewhere) to try again shortly. A crash loses at
 * most the gathered ids, which the scheduled import's overlapping window reads again.
 */
export function importPushedOrder(container: MedusaContainer, aeOrderId: string): void {
  pending.add(aeOrderId)
  schedule(container, GATHER_MS)
}

function schedule(container: MedusaContainer, delayMs: number): void {
  if (timer || running) {
    return
  }
  timer = setTimeout(() => void flush(container), delayMs)
  timer.unref?.()
}

async function flush(container: MedusaContainer): Promise<void> {
  timer = null
  running = true
  const ids = [...pending]
  pending.clear()
  let retry = false
  try {
    await runOrderImport(container, { trigger: "push", ae_order_ids: ids })
  } catch (e: any) {
    ids.forEach((id) => pending.add(id))
    retry = true
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`AliExpress: ${ids.length} pushed order(s) wait for the next try: ${e?.message ?? e}`)
  } finally {
    running = false
    if (pending.size) {
      schedule(container, retry ? RETRY_MS : GATHER_MS)
    }
  }
}

/** Resolves once no pushed order waits in this process (tests wait on it). */
export async function whenPushedOrdersIdle(): Promise<void> {
  while (timer || running || pending.size) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
