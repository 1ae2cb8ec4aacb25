import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { orderImportLockKey, ORDER_IMPORT_LOCK_TIMEOUT_S } from "../../lib/orders/constants"
import type { ImportRunCounts } from "../../lib/orders/types"
import type { ImportWindow } from "../../lib/orders/import-window"
import { prepareOrderImportWorkflow, type PrepareOrderImportInput } from "../../workflows/orders/workflows/prepare-order-import"
import { finishOrderImportWorkflow } from "../../workflows/orders/workflows/finish-order-import"
import { processOrderChanges, type ProcessOrderChangesInput } from "./process-changes"
import { ALIEXPRESS_MODULE } from "../../modules/aliexpress"
import type AliExpressModuleService from "../../modules/aliexpress/service"
import { failureReason } from "../../lib/health/conditions"
import { healthReporter } from "../health"

/** A push gathers others arriving within this long into the same run. */
const GATHER_MS = 150
/** Pushed orders whose run could not start (the lock is busy elsewhere) try again after this. */
const PUSH_RETRY_MS = 2000

export type OrderImportResult = Partial<ImportRunCounts> & { skip_reason: string | null; window: ImportWindow | null; account_id?: string | null }

export type OrderImportInput = PrepareOrderImportInput & Pick<ProcessOrderChangesInput, "retry_resolvable" | "nextPushed" | "deferPushed">

/** Store changes (new SKUs, stock) are gathered this long before held orders are looked at again. */
const STORE_CHANGE_GATHER_MS = 2000

/**
 * One import run without the lock: the changed orders of the window (or the named ones), each
 * through its own workflow run, then the run recorded. Runs that overlap stay correct, since
 * the unique order binding makes one Medusa order per AliExpress order; the lock only saves
 * the double work.
 */
export async function importOrderChanges(container: MedusaContainer, input: OrderImportInput): Promise<OrderImportResult> {
  const { result: prepared } = await prepareOrderImportWorkflow(container).run({
    input: { account_id: input.account_id, trigger: input.trigger, ae_order_ids: input.ae_order_ids },
  })
  const { plan, summaries } = prepared
  if (plan.skip || !plan.account_id) {
    return { skip_reason: plan.skip, window: plan.window, account_id: plan.account_id }
  }
  const counts = await processOrderChanges(container, {
    account_id: plan.account_id,
    summaries,
    ae_order_ids: input.ae_order_ids,
    retry_pending: !input.ae_order_ids?.length && !input.retry_resolvable,
    retry_resolvable: input.retry_resolvable,
    nextPushed: input.nextPushed,
    deferPushed: input.deferPushed,
    trigger: input.trigger,
  })
  const idle = !counts.imported && !counts.held && !counts.failed && !counts.status_updates && !counts.retried
  if (input.trigger === "store_change" && idle) {
    // Nothing was waiting for this change: the last real import stays the one the overview shows.
    return { skip_reason: null, window: plan.window, account_id: plan.account_id, ...counts }
  }
  await finishOrderImportWorkflow(container).run({
    input: { account_id: plan.account_id, window: plan.window, counts, trigger: input.trigger },
  })
  return { skip_reason: null, window: plan.window, account_id: plan.account_id, ...counts }
}

/**
 * One account's order import in this process: every entry point (the job, "import now", a
 * retry, pushes) runs under the account's lock, so a server and its workers take turns, while
 * other accounts import side by side; pushes, often many a second, are gathered into one run.
 */
export class AccountOrderImport {
  constructor(readonly accountId: string) {}

  private readonly pushed = new Set<string>()
  private pushTimer: NodeJS.Timeout | null = null
  private pushRunning = false
  /** a run of this process holds the lock: pushed orders join it instead of waiting for it */
  private active = false
  private storeTimer: NodeJS.Timeout | null = null
  private storeRun: Promise<unknown> | null = null
  private storeAgain = false

  /**
   * Runs one import under the lock (the job, "import now", a retry) and records its outcome in
   * the account's health: a run that could not read AliExpress' orders opens an incident the
   * merchant sees within the minute. Scheduled runs that import also look at the token's expiry.
   */
  async run(container: MedusaContainer, input: Omit<OrderImportInput, "account_id">): Promise<OrderImportResult> {
    try {
      return await container.resolve(Modules.LOCKING).execute(
        orderImportLockKey(this.accountId),
        async () => {
          this.active = true
          try {
            return await this.importAndRecord(container, { ...input, account_id: this.accountId })
          } finally {
            this.active = false
          }
        },
        { timeout: ORDER_IMPORT_LOCK_TIMEOUT_S, expire: 15 * 60 }
      )
    } finally {
      if (this.pushed.size) {
        this.schedulePushRun(container, GATHER_MS)
      }
    }
  }

  /** One run, its outcome recorded; a run that waited for the lock in vain records nothing. */
  private async importAndRecord(container: MedusaContainer, input: OrderImportInput): Promise<OrderImportResult> {
    let result: OrderImportResult
    try {
      result = await importOrderChanges(container, {
        ...input,
        nextPushed: () => this.takePushed(),
        deferPushed: (id) => this.pushed.add(id),
      })
    } catch (error) {
      const account = await (container.resolve(ALIEXPRESS_MODULE) as AliExpressModuleService).getAccount(this.accountId).catch(() => null)
      if (account && account.status !== "disconnected") {
        await healthReporter.report(container, account.id, "order_import", { ok: false, reason: failureReason(error) })
      }
      throw error
    }
    // A look at held orders after a store change that found nothing to do never asked
    // AliExpress anything: it proves nothing about the import and must not close an incident.
    const askedAliExpress = input.trigger !== "store_change" || !!(result.imported || result.held || result.failed || result.status_updates || result.retried)
    if (!result.skip_reason && result.account_id && askedAliExpress) {
      await healthReporter.report(container, result.account_id, "order_import", { ok: true })
      if (input.trigger === "schedule") {
        await healthReporter.checkToken(container, this.accountId).catch(() => undefined)
      }
    }
    return result
  }

  /**
   * A variant was created or changed, or stock arrived: held orders waiting for a SKU the store
   * now has, and orders that failed for want of stock, are imported at once, not after their
   * back-off. Changes are gathered for a moment into one look.
   */
  storeChanged(container: MedusaContainer): void {
    if (this.storeTimer || this.storeRun) {
      // One look at a time; changes meanwhile make one more afterwards.
      this.storeAgain = true
      return
    }
    this.storeTimer = setTimeout(() => {
      this.storeTimer = null
      this.storeRun = this.run(container, { trigger: "store_change", retry_resolvable: true })
        .catch((e: any) =>
          container.resolve(ContainerRegistrationKeys.LOGGER).warn(`AliExpress: held orders not looked at again: ${e?.message ?? e}`)
        )
        .then(() => {
          this.storeRun = null
          if (this.storeAgain) {
            this.storeAgain = false
            this.storeChanged(container)
          }
        })
    }, STORE_CHANGE_GATHER_MS)
    this.storeTimer.unref?.()
  }

  private takePushed(): string | undefined {
    const [next] = this.pushed
    if (next !== undefined) {
      this.pushed.delete(next)
    }
    return next
  }

  /**
   * A verified push named this order. Each push waiting for the lock on its own would queue up
   * and time out; instead the ids are gathered into one run, and kept when a run cannot start
   * to try again shortly. While a run of this process goes on (a backlog draining, say), it
   * takes pushed orders before its next one. A crash loses at most the gathered ids, which the scheduled import's
   * overlapping window reads again.
   */
  importPushed(container: MedusaContainer, aeOrderId: string): void {
    this.pushed.add(aeOrderId)
    if (!this.active) {
      this.schedulePushRun(container, GATHER_MS)
    }
  }

  private schedulePushRun(container: MedusaContainer, delayMs: number): void {
    if (this.pushTimer || this.pushRunning) {
      return
    }
    this.pushTimer = setTimeout(() => void this.runPushed(container), delayMs)
    this.pushTimer.unref?.()
  }

  private async runPushed(container: MedusaContainer): Promise<void> {
    this.pushTimer = null
    this.pushRunning = true
    const ids = [...this.pushed]
    this.pushed.clear()
    let retry = false
    try {
      await this.run(container, { trigger: "push", ae_order_ids: ids })
    } catch (e: any) {
      const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
      if (!(await this.accountExists(container))) {
        // The account was removed: its orders are no longer this store's to import.
        logger.warn(`AliExpress: ${ids.length} pushed order(s) of a removed account were dropped`)
        return
      }
      ids.forEach((id) => this.pushed.add(id))
      retry = true
      logger.warn(`AliExpress: ${ids.length} pushed order(s) wait for the next try: ${e?.message ?? e}`)
    } finally {
      this.pushRunning = false
      if (this.pushed.size) {
        this.schedulePushRun(container, retry ? PUSH_RETRY_MS : GATHER_MS)
      }
    }
  }

  private async accountExists(container: MedusaContainer): Promise<boolean> {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const [account] = await service.listAliExpressAccounts({ id: this.accountId }, { select: ["id"], take: 1 }).catch(() => [])
    return !!account
  }
}
