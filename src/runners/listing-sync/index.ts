import type { MedusaContainer } from "@medusajs/framework/types"
import { ALIEXPRESS_MODULE } from "../../modules/aliexpress"
import type AliExpressModuleService from "../../modules/aliexpress/service"
import { describeError } from "../../lib/listings/problems"
import { activeTemplateId } from "../../workflows/listings/helpers/mapping-setup"
import type { RequestListingSyncInput } from "../../workflows/listings/workflows/request-listing-sync"
import { AccountListingSync, type SyncRunOptions } from "./account-runner"
import type { BufferedKind } from "./event-buffer"

export type { SyncRunOptions, SyncProgress } from "./drain"
export { listingSyncLock } from "./account-runner"
export { idsOf } from "./event-buffer"

/**
 * The process's listing sync: one runner per AliExpress account (its own queue, lock, timers
 * and client), and the fan-out of what concerns every account. A store event (a product,
 * a variant, stock) may change the listing of every account whose channel holds the product,
 * so each account's runner gets it; a rule or "sync now" concerns the account it names.
 * Entry points hand work here and return; everything else is workflows.
 */
export class ListingSyncRunners {
  private readonly runners = new Map<string, AccountListingSync>()
  /** account look-ups under way for buffered events, so whenIdle waits for them */
  private readonly fanningOut = new Set<Promise<void>>()

  /** The runner of one account (made on first use). */
  forAccount(accountId: string): AccountListingSync {
    let runner = this.runners.get(accountId)
    if (!runner) {
      runner = new AccountListingSync(accountId)
      this.runners.set(accountId, runner)
    }
    return runner
  }

  /**
   * Subscribers: a store event named these records; every account's runner syncs their products
   * after its debounce (an account whose channel does not hold them queues nothing).
   * `exceptAccountId`: the account that already knows (it sold them).
   */
  bufferEvent(container: MedusaContainer, kind: BufferedKind, ids: string[], exceptAccountId?: string): void {
    if (!ids.length) {
      return
    }
    this.track(
      container,
      "store changes not queued",
      this.accountIds(container).then((accountIds) => {
        accountIds.filter((id) => id !== exceptAccountId).forEach((id) => this.forAccount(id).bufferEvent(container, kind, ids))
      })
    )
  }

  /**
   * An AliExpress order of `accountId` was imported: that account resends its products' stock
   * later (AliExpress already lowered it there); every other account lists the lower stock after
   * its usual debounce, since the same units are now sold.
   */
  soldOnAliExpress(container: MedusaContainer, accountId: string | undefined, productIds: string[]): void {
    if (accountId) {
      this.forAccount(accountId).resendStockLater(container, productIds)
      this.bufferEvent(container, "product", productIds, accountId)
      return
    }
    // An event from before accounts were named in it: the store's only account sold them.
    this.track(
      container,
      "sold stock not queued",
      this.accountIds(container).then((ids) =>
        ids.length === 1 ? this.soldOnAliExpress(container, ids[0], productIds) : this.bufferEvent(container, "product", productIds)
      )
    )
  }

  /** "Sync now" for one account. */
  syncNow(container: MedusaContainer, accountId: string, input: Omit<RequestListingSyncInput, "account_id">, opts: SyncRunOptions = {}) {
    return this.forAccount(accountId).syncNow(container, input, opts)
  }

  /** One account's price or quantity rules changed: its listings are looked at again now. */
  rulesChanged(container: MedusaContainer, accountId: string): Promise<number> {
    return this.forAccount(accountId).rulesChanged(container)
  }

  /** A lookup list changed: templates of every account may read it. Answers how many products were queued. */
  async lookupListChanged(container: MedusaContainer): Promise<number> {
    const ids = await this.accountIds(container)
    const counts = await Promise.all(ids.map((id) => this.rulesChanged(container, id)))
    return counts.reduce((a, b) => a + b, 0)
  }

  /**
   * A template was saved or deleted: an account's listings change only if it is (or, before a
   * delete, was) the template that account lists with. Answers how many products were queued.
   */
  async templateChanged(container: MedusaContainer, templateId: string, wasActiveFor: string[] = []): Promise<number> {
    const shaped = new Set([...wasActiveFor, ...(await this.accountsUsingTemplate(container, templateId))])
    let queued = 0
    for (const accountId of shaped) {
      queued += await this.rulesChanged(container, accountId)
    }
    return queued
  }

  /** The accounts whose listings a template shapes now (asked before it is deleted). */
  async accountsUsingTemplate(container: MedusaContainer, templateId: string): Promise<string[]> {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const accounts = await service.listAccounts()
    const active = await Promise.all(accounts.map((account) => activeTemplateId(service, account)))
    return accounts.filter((_, i) => active[i] === templateId).map((a) => a.id)
  }

  /** The reconcile job: every connected account, side by side, each under its own lock. */
  async reconcile(container: MedusaContainer): Promise<void> {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const accounts = await service.listConnectedAccounts()
    await Promise.all(accounts.map((a) => this.forAccount(a.id).reconcile(container)))
  }

  /** Binds what one account's seller already sells. */
  importExisting(container: MedusaContainer, accountId: string) {
    return this.forAccount(accountId).importExisting(container)
  }

  /** Resolves once no account's runner has a run going or due and no events are buffered (tests wait on it). */
  async whenIdle(): Promise<void> {
    for (;;) {
      await Promise.all([...this.fanningOut])
      await Promise.all([...this.runners.values()].map((r) => r.whenIdle()))
      if (!this.fanningOut.size && [...this.runners.values()].every((r) => r.isIdle())) return
    }
  }

  private accountIds(container: MedusaContainer): Promise<string[]> {
    return (container.resolve(ALIEXPRESS_MODULE) as AliExpressModuleService).accountIds()
  }

  /** Follows `work` until it settles, so whenIdle waits for it; a failure is logged as `what`. */
  private track(container: MedusaContainer, what: string, work: Promise<void>): void {
    const task = work
      .catch((error) => container.resolve("logger").warn(`AliExpress: ${what}: ${describeError(error)}`))
      .finally(() => this.fanningOut.delete(task))
    this.fanningOut.add(task)
  }
}

/** The process's listing sync runners. */
export const listingSyncRunner = new ListingSyncRunners()
