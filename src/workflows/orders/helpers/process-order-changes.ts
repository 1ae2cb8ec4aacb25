import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import { aliexpressOptions } from "../../../modules/aliexpress/options"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import type { OrderDetail, OrderSummary } from "../../../lib/aliexpress"
import type { ImportContext } from "../../../lib/orders/plan-order"
import { toSnapshot } from "../../../lib/orders/types"
import { resolveImportContext } from "./resolve-import-context"
import { isAwaitingPayment, isCanceledOnAliExpress } from "../../../lib/orders/ae-status"
import { FAILED_ORDER_RETRY_MS, STALE_CLAIM_MS } from "../../../lib/orders/constants"
import { importAliExpressOrderWorkflow } from "../workflows/import-order"
import { syncAliExpressOrderStatusWorkflow } from "../workflows/sync-order-status"
import { recordOrderFailure } from "./record-order-failure"
import { runPool } from "../../../lib/listings/pool"

export type ImportRunCounts = {
  listed: number
  imported: number
  held: number
  failed: number
  status_updates: number
  skipped: number
  retried: number
  /** False when a failure could not even be recorded: the watermark must stay. */
  complete: boolean
  errors: Array<{ ae_order_id: string; message: string }>
}

type Binding = Awaited<ReturnType<AliExpressModuleService["listAliExpressOrders"]>>[number]

const errorMessage = (e: unknown) => String((e as { message?: string })?.message ?? e).slice(0, 1000)

/**
 * Walks the changed orders of a window (or the ids a push or the merchant
 * named), then retries held, failed and abandoned orders. New orders go
 * through the import workflow, known ones through the status sync; each
 * order's failure is recorded on its binding so it is retried, never lost.
 */
export async function processOrderChanges(
  container: MedusaContainer,
  input: { account_id: string; summaries: OrderSummary[]; ae_order_ids?: string[]; retry_pending: boolean }
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

  const readOrder = async (aeOrderId: string) => service.getClient(await service.requireAccount()).getOrder(aeOrderId)

  // Where orders go is resolved once per run and currency, not once per order.
  const contexts = new Map<string, Promise<ImportContext>>()
  const contextFor = (currency: string) => {
    if (!contexts.has(currency)) {
      const resolving = resolveImportContext(container, currency)
      // A failed read fails this order only; the next one asks again.
      resolving.catch(() => contexts.delete(currency))
      contexts.set(currency, resolving)
    }
    return contexts.get(currency)!
  }

  const importOne = async (aeOrderId: string, summary: OrderSummary | null, detail: OrderDetail | null) => {
    try {
      detail ??= await readOrder(aeOrderId)
      const snapshot = toSnapshot(detail, summary)
      const context = await contextFor(snapshot.currency_code)
      const { result } = await importAliExpressOrderWorkflow(container).run({ input: { snapshot, context } })
      if (result.outcome === "imported") counts.imported++
      else if (result.outcome === "held") counts.held++
      else counts.skipped++
    } catch (e: any) {
      if (e?.type === MedusaError.Types.DUPLICATE_ERROR) {
        // Another importer holds the claim; it finishes the order, or its claim goes stale and is retried.
        counts.skipped++
        return
      }
      counts.failed++
      counts.errors.push({ ae_order_id: aeOrderId, message: errorMessage(e) })
      logger.warn(`AliExpress order ${aeOrderId} could not be imported: ${errorMessage(e)}`)
      await recordOrderFailure(service, input.account_id, aeOrderId, errorMessage(e)).catch((recordError) => {
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
          await recordOrderFailure(service, input.account_id, aeOrderId, errorMessage(e)).catch(() => (counts.complete = false))
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
  await runPool(input.summaries, concurrency, (summary) => handle(summary.orderId, summary))
  await runPool(input.ae_order_ids ?? [], concurrency, (aeOrderId) => handle(aeOrderId, null))

  if (input.retry_pending) {
    const now = Date.now()
    const pending = await service.listAliExpressOrders(
      { account_id: input.account_id, status: ["held", "failed", "importing"] },
      { take: 200, order: { last_attempt_at: "ASC" } }
    )
    const due = pending.filter((binding) => {
      const lastAttempt = new Date((binding.last_attempt_at ?? binding.updated_at) as any).getTime()
      const wait = binding.status === "importing" ? STALE_CLAIM_MS : FAILED_ORDER_RETRY_MS
      return !done.has(binding.ae_order_id) && now - lastAttempt >= wait
    })
    await runPool(due, concurrency, async (binding) => {
      counts.retried++
      bindingOf.set(binding.ae_order_id, binding)
      await handle(binding.ae_order_id, null)
    })
  }
  return counts
}

/** How many orders one run imports at once (option orderImportConcurrency, default 4). */
function orderImportConcurrency(): number {
  return aliexpressOptions().orderImportConcurrency
}
