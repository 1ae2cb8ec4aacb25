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

/** How long the list of accounts is reused by store events (accounts are rarely added). */
const ACCOUNT_LIST_TTL_MS = 5000

/**
 * The process's listing sync: one runner per AliExpress account (its own queue, lock, timers
 * and client), and the fan-out of what concerns every account. A store event (a product,
 * a variant, stock) may change the listing of every account whose channel holds the product,
 * so each account's runner gets it; a rule or "sync now" concerns the account it names.
 * Entry points hand work here and return; everything else is workflows.
 */
export class ListingSyncRunners {
  private readonly runners = new Map<string, AccountListingSync>()
  private accountIds: { at: number; ids: Promise<string[]> } | null = null
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
    const task = this.listAccountIds(container)
      .then((accountIds) => {
        accountIds.filter((id) => id !== exceptAccountId).forEach((id) => this.forAccount(id).bufferEvent(container, kind, ids))
      })
      .catch((error) => container.resolve("logger").warn(`AliExpress: store changes not queued: ${describeError(error)}`))
      .finally(() => this.fanningOut.delete(task))
    this.fanningOut.add(task)
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
    const task = this.listAccountIds(container)
      .then((ids) => (ids.length === 1 ? this.soldOnAliExpress(container, ids[0], productIds) : this.bufferEvent(container, "product", productIds)))
      .catch((error) => container.resolve("logger").warn(`AliExpress: sold stock not queued: ${describeError(error)}`))
      .finally(() => this.fanningOut.delete(task))
    this.fanningOut.add(task)
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
    const ids = await this.freshAccountIds(container)
    const counts = await Promise.all(ids.map((id) => this.rulesChanged(container, id)))
    return counts.reduce((a, b) => a + b, 0)
  }

  /**
   * A template was saved or deleted: an account's listings change only if it is (or, before a
   * delete, was) the template that account lists with. Answers how many products were queued.
   */
  async templateChanged(container: MedusaContainer, templateId: string, wasActiveFor: string[] = []): Promise<number> {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const accounts = await service.listAccounts()
    let queued = 0
    for (const account of accounts) {
      if (wasActiveFor.includes(account.id) || (await activeTemplateId(service, account)) === templateId) {
        queued += await this.rulesChanged(container, account.id)
      }
    }
    return queued
  }

  /** The accounts whose listings a template shapes now (asked before it is deleted). */
  async accountsUsingTemplate(container: MedusaContainer, templateId: string): Promise<string[]> {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const accounts = await service.listAccounts()
    const using: string[] = []
    for (const account of accounts) {
      if ((await activeTemplateId(service, account)) === templateId) using.push(account.id)
    }
    return using
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

  /** The store's account ids, reused for a few seconds: store events come in bursts. */
  private listAccountIds(container: MedusaContainer): Promise<string[]> {
    if (!this.accountIds || Date.now() - this.accountIds.at > ACCOUNT_LIST_TTL_MS) {
      const ids = this.freshAccountIds(container)
      this.accountIds = { at: Date.now(), ids }
      ids.catch(() => (this.accountIds = null))
    }
    return this.accountIds.ids
  }

  private async freshAccountIds(container: MedusaContainer): Promise<string[]> {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    return (await service.listAccounts()).map((a) => a.id)
  }

  /** Accounts were added or removed: the next store event reads them again. */
  forgetAccounts(): void {
    this.accountIds = null
  }
}

/** The process's listing sync runners. */
export const listingSyncRunner = new ListingSyncRunners()
