import type { MedusaContainer } from "@medusajs/framework/types"
import { ALIEXPRESS_MODULE } from "../../modules/aliexpress"
import type AliExpressModuleService from "../../modules/aliexpress/service"
import { within } from "../within"
import { AccountOrderImport, type OrderImportInput, type OrderImportResult } from "./account-runner"

export { importOrderChanges, type OrderImportInput, type OrderImportResult } from "./account-runner"

/**
 * The process's order import: one runner per AliExpress account, each with its own lock, push
 * gathering and client (so its own rate limit). The scheduled run asks every connected account
 * side by side, so a slow or failing account never holds up another.
 */
type ScheduledOutcome = { account_id: string; result?: OrderImportResult; error?: unknown }

/** How long the job waits for one account's scheduled run: under the 30-second tick. */
const SCHEDULED_WAIT_MS = 25_000

export class OrderImportRunners {
  private readonly runners = new Map<string, AccountOrderImport>()
  /** scheduled runs under way in this process, per account */
  private readonly scheduledRuns = new Map<string, Promise<ScheduledOutcome>>()

  /** The runner of one account (made on first use). */
  forAccount(accountId: string): AccountOrderImport {
    let runner = this.runners.get(accountId)
    if (!runner) {
      runner = new AccountOrderImport(accountId)
      this.runners.set(accountId, runner)
    }
    return runner
  }

  /** One import of one account under its lock ("import now", a retry). */
  run(container: MedusaContainer, accountId: string, input: Omit<OrderImportInput, "account_id">): Promise<OrderImportResult> {
    return this.forAccount(accountId).run(container, input)
  }

  /**
   * The job's tick: every connected account whose interval is due, side by side; one account's
   * failure is its own. A run still going after `waitMs` (a slow AliExpress, a long backlog) goes
   * on in the background and that account's next ticks are skipped until it ends, so the job
   * returns in time for the other accounts' next tick.
   */
  async runScheduled(container: MedusaContainer, waitMs = SCHEDULED_WAIT_MS): Promise<ScheduledOutcome[]> {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const accounts = await service.listConnectedAccounts()
    return await Promise.all(
      accounts.map((account): Promise<ScheduledOutcome> => {
        const still = (): ScheduledOutcome => ({ account_id: account.id, result: { skip_reason: "still_running", window: null, account_id: account.id } })
        if (this.scheduledRuns.has(account.id)) {
          return Promise.resolve(still())
        }
        const run = this.run(container, account.id, { trigger: "schedule" }).then(
          (result): ScheduledOutcome => ({ account_id: account.id, result }),
          (error): ScheduledOutcome => ({ account_id: account.id, error })
        )
        this.scheduledRuns.set(account.id, run)
        void run.finally(() => this.scheduledRuns.delete(account.id))
        return within(run, waitMs, still)
      })
    )
  }

  /** A verified push of this account's seller named this order. */
  importPushed(container: MedusaContainer, accountId: string, aeOrderId: string): void {
    this.forAccount(accountId).importPushed(container, aeOrderId)
  }

  /** A variant or stock changed: every connected account looks at its held orders again. */
  storeChanged(container: MedusaContainer): void {
    void (container.resolve(ALIEXPRESS_MODULE) as AliExpressModuleService)
      .accountIds({ connected: true })
      .then((ids) => ids.forEach((id) => this.forAccount(id).storeChanged(container)))
      .catch((error) => container.resolve("logger").warn(`AliExpress: held orders not looked at again: ${error?.message ?? error}`))
  }
}

/** The process's order import runners. */
export const orderImportRunner = new OrderImportRunners()
