import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../modules/aliexpress"
import { aliexpressOptions } from "../../modules/aliexpress/options"
import type AliExpressModuleService from "../../modules/aliexpress/service"
import type { AliExpressClient, OrderDetail, OrderSummary } from "../../lib/aliexpress"
import type { ImportContext } from "../../lib/orders/plan-order"
import { toSnapshot, type ImportRunCounts } from "../../lib/orders/types"
import { isAwaitingPayment, isCanceledOnAliExpress } from "../../lib/orders/ae-status"
import { missingSkusOf } from "../../lib/orders/held-orders"
import { runPool } from "../../lib/listings/pool"
import { importAliExpressOrderWorkflow } from "../../workflows/orders/workflows/import-order"
import { syncAliExpressOrderStatusWorkflow } from "../../workflows/orders/workflows/sync-order-status"
import { resolveOrderImportContextWorkflow } from "../../workflows/orders/workflows/resolve-import-context"
import { findKnownSkusWorkflow } from "../../workflows/orders/workflows/find-known-skus"

type Binding = Awaited<ReturnType<AliExpressModuleService["listAliExpressOrders"]>>[number]

const errorMessage = (e: unknown) => String((e as { message?: string })?.message ?? e).slice(0, 1000)

export type ProcessOrderChangesInput = {
  account_id: string
  summaries: OrderSummary[]
  ae_order_ids?: string[]
  retry_pending: boolean
  /** retry now, whatever their back-off, the held and failed orders a store change may have resolved */
  retry_resolvable?: boolean
  /** orders pushed while this run goes on: lanes of their own take each one at once */
  nextPushed?: () => string | undefined
  /** a pushed order this run already handled: it goes to the next run */
  deferPushed?: (aeOrderId: string) => void
  /** what started the run: a push run waits a moment for more pushes */
  trigger?: string
}

/**
 * Walks the changed orders of a window (or the ids a push or the merchant
 * named), then retries held, failed and abandoned orders. Each new order is
 * its own run of the import workflow (visible and retryable on its own), each
 * known one a run of the status sync; each order's failure is recorded on its
 * binding so it is retried, never lost.
 */
export async function processOrderChanges(
  container: MedusaContainer,
  input: ProcessOrderChangesInput
): Promise<ImportRunCounts> {
  const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const counts: ImportRunCounts = {
    listed: input.summaries.length,
    imported: 0,
    held: 0,
    failed: 0,
    status_updates: 0,
    skipped: 0,
    retried: 0,
    complete: true,
    errors: [],
  }
  const done = new Set<string>()

  const ids = [...input.summaries.map((s) => s.orderId), ...(input.ae_order_ids ?? [])]
  const bindings = ids.length
    ? await service.listAliExpressOrders({ account_id: input.account_id, ae_order_id: ids }, { take: ids.length })
    : []
  const bindingOf = new Map(bindings.map((b) => [b.ae_order_id, b]))

  // One client for the run: it refreshes its own token, and the account is not read again per order.
  let client: Promise<AliExpressClient> | null = null
  const readOrder = async (aeOrderId: string) => {
    client ??= service.requireConnectedAccount(input.account_id).then(({ client }) => client)
    client.catch(() => (client = null))
    return (await client).getOrder(aeOrderId)
  }

  // Where orders go is resolved once per run and currency, not once per order.
  const contexts = new Map<string, Promise<ImportContext>>()
  const contextFor = (currency: string) => {
    if (!contexts.has(currency)) {
      const resolving = resolveOrderImportContextWorkflow(container)
        .run({ input: { account_id: input.account_id, currency_code: currency } })
        .then(({ result }) => result)
      // A failed read fails this order only; the next one asks again.
      resolving.catch(() => contexts.delete(currency))
      contexts.set(currency, resolving)
    }
    return contexts.get(currency)!
  }

  const runImport = async (snapshot: ReturnType<typeof toSnapshot>, context: ImportContext, attempt = 1) => {
    try {
      return (await importAliExpressOrderWorkflow(container).run({ input: { snapshot, context } })).result
    } catch (e: any) {
      // Two orders of one new buyer imported at once both create the customer; the unique email
      // fails the later one, whose claim is undone. Run it again at once: it finds the customer.
      if (attempt === 1 && isBuyerCreatedMeanwhile(e)) {
        return await runImport(snapshot, context, attempt + 1)
      }
      throw e
    }
  }

  const importOne = async (aeOrderId: string, summary: OrderSummary | null, detail: OrderDetail | null) => {
    try {
      detail ??= await readOrder(aeOrderId)
      const snapshot = toSnapshot(detail, summary)
      const context = await contextFor(snapshot.currency_code)
      const result = await runImport(snapshot, context)
      if (result.outcome === "imported") counts.imported++
      else if (result.outcome === "held") counts.held++
      else counts.skipped++
    } catch (e: any) {
      if (isClaimedElsewhere(e)) {
        // Another importer holds the claim; it finishes the order, or its claim goes stale and is retried.
        counts.skipped++
        return
      }
      counts.failed++
      counts.errors.push({ ae_order_id: aeOrderId, message: errorMessage(e) })
      logger.warn(`AliExpress order ${aeOrderId} could not be imported: ${errorMessage(e)}`)
      await service.recordOrderFailure(input.account_id, aeOrderId, errorMessage(e)).catch((recordError) => {
        counts.complete = false
        logger.error(`AliExpress order ${aeOrderId}: recording the failure failed: ${errorMessage(recordError)}`)
      })
    }
  }

  const syncOne = async (binding: Binding, status: string | null, summary: Partial<OrderSummary> | null) => {
    try {
      let endReason: string | null = summary?.endReason ?? binding.ae_end_reason ?? null
      if (status === "FINISH" && !endReason) {
        // Only the detail says whether FINISH closed a delivered or a canceled order.
        const detail: any = await readOrder(binding.ae_order_id)
        endReason = detail.endReason ?? detail.end_reason ?? null
      }
      await syncAliExpressOrderStatusWorkflow(container).run({
        input: { binding_id: binding.id, ae_status: status, end_reason: endReason, timeout_left_ms: summary?.timeoutLeftMs ?? null },
      })
      counts.status_updates++
    } catch (e) {
      counts.errors.push({ ae_order_id: binding.ae_order_id, message: errorMessage(e) })
      logger.warn(`AliExpress order ${binding.ae_order_id}: status update failed: ${errorMessage(e)}`)
      await service
        .updateAliExpressOrders({ id: binding.id, last_error: errorMessage(e) })
        .catch(() => (counts.complete = false))
      counts.complete = false
    }
  }

  const handle = async (aeOrderId: string, summary: OrderSummary | null) => {
    if (done.has(aeOrderId)) {
      return
    }
    done.add(aeOrderId)
    const binding = bindingOf.get(aeOrderId)
    let status = summary?.status ?? null
    let detail: OrderDetail | null = null
    if (!summary) {
      // Named by a push, the merchant or a retry: read where the order stands first.
      try {
        detail = await readOrder(aeOrderId)
        status = detail.status ?? null
      } catch (e) {
        counts.failed++
        counts.errors.push({ ae_order_id: aeOrderId, message: errorMessage(e) })
        if (binding && binding.status !== "imported" && binding.status !== "canceled") {
          await service.recordOrderFailure(input.account_id, aeOrderId, errorMessage(e)).catch(() => (counts.complete = false))
        }
        return
      }
    }
    if (binding && (binding.status === "imported" || binding.status === "canceled")) {
      if (status !== binding.ae_status || (summary?.timeoutLeftMs && !binding.ship_by)) {
        await syncOne(binding, status, summary)
      }
      return
    }
    if (isCanceledOnAliExpress(status) || status === "FINISH") {
      // Closed before it was ever imported: nothing left to ship or reserve.
      if (binding) await syncOne(binding, status, summary)
      else counts.skipped++
      return
    }
    if (isAwaitingPayment(status)) {
      // Not paid yet; AliExpress changes the order again when it is, and it comes back.
      counts.skipped++
      return
    }
    await importOne(aeOrderId, summary, detail)
  }

  // Each import is a chain of Medusa steps (~0.15 s of CPU, ~125 queries), not
  // AliExpress-bound: a few in flight multiply throughput. The unique binding claim keeps concurrent imports of one
  // order safe, and `done` is checked and set before any await.
  const concurrency = orderImportConcurrency()
  // A pushed order is a buyer waiting now: lanes of its own take it at once, whatever backlog
  // the run is working through.
  let workDone = false
  let urgentInFlight = 0
  const deferred = new Set<string>()
  const takeUrgent = async (): Promise<boolean> => {
    const id = input.nextPushed?.()
    if (!id) return false
    if (done.has(id)) {
      // Handled earlier in this run: it goes to the next run, after this one ends (handing it
      // back now would have the lanes take it again and again).
      deferred.add(id)
      return true
    }
    urgentInFlight++
    try {
      if (!bindingOf.has(id)) {
        const [binding] = await service.listAliExpressOrders({ account_id: input.account_id, ae_order_id: id }, { take: 1 })
        if (binding) bindingOf.set(id, binding)
      }
      await handle(id, null)
    } finally {
      urgentInFlight--
    }
    return true
  }
  // The backlog yields the CPU: its next order starts only when no pushed order is in flight.
  const yieldToPushes = async () => {
    while (urgentInFlight > 0) await sleep(PUSH_LANE_POLL_MS)
  }
  // After the run's own work, the lanes stay a moment: under a stream of pushes one run takes
  // them all, instead of each push paying for a run of its own (lock, context, bookkeeping).
  let lastPushAt = input.trigger === "push" ? Date.now() : 0
  const pushLane = async () => {
    while (!workDone || Date.now() - lastPushAt < PUSH_LANE_LINGER_MS) {
      if (await takeUrgent()) lastPushAt = Date.now()
      else await sleep(PUSH_LANE_POLL_MS)
    }
    while (await takeUrgent()) {
      // what was pushed before the run ended
    }
  }
  const lanes = input.nextPushed ? Array.from({ length: concurrency }, pushLane) : []

  const work: Array<{ id: string; summary: OrderSummary | null }> = [
    ...input.summaries.map((summary) => ({ id: summary.orderId, summary })),
    ...(input.ae_order_ids ?? []).map((id) => ({ id, summary: null })),
  ]
  try {
    await runPool(work, concurrency, async (item) => {
      await yieldToPushes()
      if (item.summary && isWaitingOut(bindingOf.get(item.id), item.summary)) {
        done.add(item.id)
        counts.skipped++
        return
      }
      await handle(item.id, item.summary)
    })
    if (input.retry_pending || input.retry_resolvable) {
      const due = await dueForRetry(container, service, input, done)
      await runPool(due, concurrency, async (binding) => {
        await yieldToPushes()
        counts.retried++
        bindingOf.set(binding.ae_order_id, binding)
        await handle(binding.ae_order_id, null)
      })
    }
  } finally {
    workDone = true
    await Promise.all(lanes)
    deferred.forEach((id) => input.deferPushed?.(id))
  }

  return counts
}

/** How often an idle push lane looks for a pushed order while the run works. */
const PUSH_LANE_POLL_MS = 25
/** How long a run waits for one more pushed order once its own work is done. */
const PUSH_LANE_LINGER_MS = 1000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Retries per run at most: a backlog drains over several runs, leaving room for new orders. */
const RETRIES_PER_RUN = 200

/**
 * Held, failed and abandoned orders to try again: those whose back-off has ended and, after a
 * store change, the held ones whose missing SKUs the store now has and the ones that failed
 * for want of stock.
 */
async function dueForRetry(
  container: MedusaContainer,
  service: AliExpressModuleService,
  input: ProcessOrderChangesInput,
  done: Set<string>
): Promise<Binding[]> {
  const now = new Date()
  const due = input.retry_pending
    ? await service.listAliExpressOrders(
        {
          account_id: input.account_id,
          status: ["held", "failed", "importing"],
          $or: [{ next_attempt_at: null }, { next_attempt_at: { $lte: now } }],
        } as any,
        { take: RETRIES_PER_RUN, order: { next_attempt_at: "ASC" } }
      )
    : []
  if (input.retry_resolvable) {
    const waiting = await service.listAliExpressOrders(
      { account_id: input.account_id, status: ["held", "failed"], next_attempt_at: { $gt: now } },
      { take: 1000, order: { next_attempt_at: "ASC" } }
    )
    const wanted = [...new Set(waiting.flatMap((b) => missingSkusOf(b.problems)))]
    const known = new Set(
      wanted.length ? (await findKnownSkusWorkflow(container).run({ input: { skus: wanted } })).result : []
    )
    for (const binding of waiting) {
      const skus = missingSkusOf(binding.problems)
      const resolved = binding.status === "held" ? skus.length > 0 && skus.every((sku) => known.has(sku)) : /stock/i.test(binding.last_error ?? "")
      if (resolved) due.push(binding)
    }
  }
  const seen = new Set<string>()
  return due.filter((b) => !done.has(b.ae_order_id) && !seen.has(b.ae_order_id) && seen.add(b.ae_order_id))
}

/** A held or failed order seen again in the window, unchanged on AliExpress, waits for its back-off. */
function isWaitingOut(binding: Binding | undefined, summary: OrderSummary): boolean {
  return (
    !!binding &&
    (binding.status === "held" || binding.status === "failed") &&
    !!binding.next_attempt_at &&
    new Date(binding.next_attempt_at).getTime() > Date.now() &&
    summary.status === binding.ae_status
  )
}

const isClaimedElsewhere = (e: any) => e?.type === MedusaError.Types.DUPLICATE_ERROR && /being imported by another run/.test(e?.message ?? "")

const isBuyerCreatedMeanwhile = (e: any) => /customer/i.test(e?.message ?? "") && /already exists/i.test(e?.message ?? "")

/** How many orders one run imports at once (option orderImportConcurrency, default 4). */
function orderImportConcurrency(): number {
  return aliexpressOptions().orderImportConcurrency
}
