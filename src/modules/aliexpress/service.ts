import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import { activityDay, countsToWrite, type ActivityCounts, type ActivityRow } from "../../lib/activity/daily-activity"
import { AliExpressClient, AliExpressRetryableError, type TokenSet } from "../../lib/aliexpress"
import { orderRetryAt } from "../../lib/orders/backoff"
import { toCategoryAttributes, type CategoryAttributes } from "../../lib/mapping"
import {
  AliExpressAccount,
  AliExpressCategoryAttributes,
  AliExpressFeedJob,
  AliExpressDailyActivity,
  AliExpressHealth,
  AliExpressImage,
  AliExpressListing,
  AliExpressLookupList,
  AliExpressOrder,
  AliExpressShipment,
  AliExpressTemplate,
  LISTING_STATUSES,
} from "./models"
import { createSecretCipher, SecretKeyMismatchError, type SecretCipher } from "./lib/secret-cipher"
import { resolvePluginOptions, type PluginOptions } from "../../lib/plugin-options"
import { isMasked, maskSecret } from "./lib/mask"
import { ProcessCaches } from "./lib/process-caches"
import { recordHealthOutcome, type HealthSubject } from "./lib/health-store"
import { columnTypesOf, retryOnDeadlock, updateRowsInBulk } from "./lib/bulk-update"
import { insertQueuedListings, queueExistingListings, queueListingsMissingFrom, type ProductIdRange, type QueueExtras } from "./lib/listing-queue"
import type { HealthOutcome } from "../../lib/health/transition"
import type { AccountSettingsInput, AliExpressModuleOptions, PublicAccount } from "./types"

/** Category attribute definitions are read again after a day (or on an explicit refresh). */
export const CATEGORY_ATTRIBUTES_TTL_MS = 24 * 3600 * 1000
/** How long a read is shared with concurrent callers (sync pages planned at the same moment). */
const SHARED_READ_MS = 10 * 1000

/** How long the store's account ids are reused by store events (they come in bursts). */
const ACCOUNT_IDS_TTL_MS = 5000

/** An account the jobs work for: connected, with a token kept (listAccounts has already checked a key opens it). */
export const isConnectedAccount = (account: { status?: string | null; access_token_encrypted?: string | null }): boolean =>
  account.status === "connected" && !!account.access_token_encrypted

export type ListingCounts = {
  total: number
  by_status: Record<(typeof LISTING_STATUSES)[number], number>
  with_problems: number
  queued: number
}

type AccountRecord = Awaited<ReturnType<AliExpressModuleService["retrieveAliExpressAccount"]>>

const SEALED_FIELDS = ["app_secret_encrypted", "access_token_encrypted", "refresh_token_encrypted"] as const

/** The reason an account shows when its secrets were sealed with a key this app no longer has. */
export const KEY_MISMATCH_REASON = new SecretKeyMismatchError().message

class AliExpressModuleService extends MedusaService({
  AliExpressAccount,
  AliExpressTemplate,
  AliExpressLookupList,
  AliExpressListing,
  AliExpressImage,
  AliExpressOrder,
  AliExpressShipment,
  AliExpressCategoryAttributes,
  AliExpressFeedJob,
  AliExpressDailyActivity,
  AliExpressHealth,
}) {
  protected readonly cipher_: SecretCipher
  protected readonly options_: PluginOptions
  protected readonly clients_ = new Map<string, { client: AliExpressClient; fingerprint: string }>()
  readonly caches = new ProcessCaches()
  /** category attribute reads under way, so concurrent sync pages share one call per category */
  protected readonly categoryReads_ = new Map<string, { at: number; read: Promise<CategoryAttributes> }>()

  constructor(container: Record<string, unknown>, options: AliExpressModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = resolvePluginOptions(options as Record<string, unknown>)
    this.cipher_ = createSecretCipher(this.options_.encryptionKey, this.options_.previousEncryptionKeys)
  }

  /** The plugin options in force (validated, environment defaults applied). */
  getOptions(): PluginOptions {
    return this.options_
  }

  // Module links address a model by its linkable name ("aliexpressOrder"), so
  // query.graph across a link calls list<Linkable>; these forward to the
  // generated methods, which are spelled "AliExpress".
  listAliexpressOrders(...args: Parameters<AliExpressModuleService["listAliExpressOrders"]>) {
    return this.listAliExpressOrders(...args)
  }

  listAndCountAliexpressOrders(...args: Parameters<AliExpressModuleService["listAndCountAliExpressOrders"]>) {
    return this.listAndCountAliExpressOrders(...args)
  }

  listAliexpressListings(...args: Parameters<AliExpressModuleService["listAliExpressListings"]>) {
    return this.listAliExpressListings(...args)
  }

  listAndCountAliexpressListings(...args: Parameters<AliExpressModuleService["listAndCountAliExpressListings"]>) {
    return this.listAndCountAliExpressListings(...args)
  }

  /**
   * Adds to today's counters in one statement (a row per kind, created on first use), so the
   * sync and import runs count a whole page or run at once and concurrent runs never lose a count.
   */
  @InjectManager()
  async countActivity(accountId: string, counts: ActivityCounts, at?: Date, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const rows = countsToWrite(counts)
    if (!rows.length) {
      return
    }
    const day = activityDay(at ?? new Date())
    const values = rows.map(() => "(?, ?, ?, ?, ?, now(), now())").join(", ")
    const params = rows.flatMap(([kind, n]) => [generateEntityId(undefined, "aeact"), accountId, day, kind, n])
    await (sharedContext.manager as any).execute(
      `insert into "aliexpress_daily_activity" ("id", "account_id", "day", "kind", "count", "created_at", "updated_at") values ${values}
       on conflict ("account_id", "day", "kind") where "deleted_at" is null
       do update set "count" = "aliexpress_daily_activity"."count" + excluded."count", "updated_at" = now()`,
      params
    )
  }

  /** The counters of one account from a day on (YYYY-MM-DD): at most a row per day and kind. */
  @InjectManager()
  async listActivity(accountId: string, fromDay: string, @MedusaContext() sharedContext: Context = {}): Promise<ActivityRow[]> {
    const rows: { day: string; kind: string; count: number | string }[] = await (sharedContext.manager as any).execute(
      `select "day", "kind", "count" from "aliexpress_daily_activity"
       where "account_id" = ? and "day" >= ? and "deleted_at" is null order by "day" asc limit 1000`,
      [accountId, fromDay]
    )
    return rows.map((r) => ({ day: r.day, kind: r.kind, count: Number(r.count) }))
  }

  /** The connected account with its client; refuses when the seller has not connected. */
  async requireConnectedAccount(accountId?: string | null): Promise<{ account: AccountRecord; client: AliExpressClient }> {
    const account = await this.requireAccount(accountId)
    if (account.status !== "connected" || !account.access_token_encrypted) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The AliExpress account is not connected (${account.status}${account.status_reason ? `: ${account.status_reason}` : ""})`
      )
    }
    return { account, client: this.getClient(account) }
  }

  /**
   * Updates one listing row. The json columns (problems, sku_codes, last_payload) hold arrays,
   * which the generated methods type as records, hence the one cast here.
   */
  async saveListing(data: { id: string } & Record<string, unknown>) {
    return await this.updateAliExpressListings(data as any)
  }

  /**
   * Queues (`at`) or takes off the queue (null) the given listings in one statement. Every page
   * of a sync run claims its listings and a reconcile queues the whole catalogue, so this skips
   * the ORM's read of each whole row (stored payload included) that a generic update makes first.
   * Queueing that also resets columns (a retry now, a stock sent again) goes through
   * `queueProductListings`.
   */
  async setSyncRequested(ids: string[], at: Date | null): Promise<void> {
    if (!ids.length) {
      return
    }
    const knex = this.knex_()
    await retryOnDeadlock(() =>
      knex("aliexpress_listing")
        .whereIn("id", ids)
        .whereNull("deleted_at")
        .update({ sync_requested_at: at, updated_at: new Date() })
    )
  }

  /** Queues the account's listings of these products; answers the products that had one. */
  async queueProductListings(accountId: string, productIds: string[], at: Date, extras: QueueExtras = {}): Promise<Set<string>> {
    return await queueExistingListings(this.knex_(), accountId, productIds, at, extras)
  }

  /**
   * Pending, queued listings for these products, in one insert; a listing another worker made
   * meanwhile is queued instead. Answers the ids of the rows made here.
   */
  async createQueuedListings(accountId: string, productIds: string[], at: Date, extras: QueueExtras = {}): Promise<string[]> {
    return await insertQueuedListings(this.knex_(), accountId, productIds, at, extras)
  }

  /**
   * Queues the account's listings of products in the range that are not in `present` (a page
   * of the channel): their product left the channel, so they go offline.
   */
  async queueListingsMissingFrom(accountId: string, range: ProductIdRange, present: string[], at: Date, extras: QueueExtras = {}): Promise<number> {
    return await queueListingsMissingFrom(this.knex_(), accountId, range, present, at, extras)
  }

  /**
   * The given listings' columns as plain rows, in one statement (deleted ones are absent). The
   * ORM builds and serialises an entity per row: in a change to every price, its reads of the
   * listings (500 at a time with their rule inputs, and each feed job's 300) were a fifth of
   * the CPU.
   */
  async readListings<C extends string>(ids: string[], columns: readonly C[]): Promise<Array<Record<C, any>>> {
    if (!ids.length) {
      return []
    }
    return await this.knex_()("aliexpress_listing").select(columns).whereRaw("id = any(?::text[])", [ids]).whereNull("deleted_at")
  }

  private knex_() {
    return (this as any).baseRepository_.getFreshManager().getKnex()
  }

  /**
   * Takes off the queue those of the given listings that were queued before `before`, and
   * returns their ids. A listing queued again since (its product changed while it was being
   * looked at) stays queued.
   */
  async settleQueuedListings(ids: string[], before: Date): Promise<string[]> {
    if (!ids.length) {
      return []
    }
    const knex = this.knex_()
    const rows: { id: string }[] = await retryOnDeadlock(() =>
      knex("aliexpress_listing")
        .whereIn("id", ids)
        .whereNull("deleted_at")
        .where("sync_requested_at", "<", before)
        .update({ sync_requested_at: null, updated_at: new Date() })
        .returning("id")
    )
    return rows.map((r) => r.id)
  }

  /**
   * Writes many listing rows at once, each with its own values: one statement per 500 rows
   * setting the same columns (see updateRowsInBulk), instead of the generic update's read of
   * every whole row and a statement per row. The same listing given twice is written once,
   * its later fields winning.
   */
  async saveListings(rows: Array<{ id: string } & Record<string, unknown>>): Promise<void> {
    const merged = new Map<string, { id: string } & Record<string, unknown>>()
    for (const row of rows) {
      merged.set(row.id, { ...merged.get(row.id), ...row })
    }
    if (!merged.size) {
      return
    }
    const knex = this.knex_()
    const columns = await columnTypesOf(knex, "aliexpress_listing")
    await updateRowsInBulk(knex, "aliexpress_listing", columns, [...merged.values()])
  }

  /**
   * Listing counts of the store's products in one pass over the table (one GROUP BY instead
   * of a count per status): by status, with problems, and queued for a sync. The admin's
   * overviews stay fast at 100,000 listings.
   */
  async countListings(accountId?: string): Promise<ListingCounts> {
    const knex = this.knex_()
    const result = await knex.raw(
      `select status, count(*)::int as total,
              (count(*) filter (where problem_count > 0))::int as with_problems,
              (count(*) filter (where sync_requested_at is not null))::int as queued
         from aliexpress_listing
        where deleted_at is null and product_id is not null ${accountId ? "and account_id = ?" : ""}
        group by status`,
      accountId ? [accountId] : []
    )
    const by_status = Object.fromEntries(LISTING_STATUSES.map((s) => [s, 0])) as Record<(typeof LISTING_STATUSES)[number], number>
    const counts: ListingCounts = { total: 0, by_status, with_problems: 0, queued: 0 }
    for (const row of result.rows as Array<{ status: keyof typeof by_status; total: number; with_problems: number; queued: number }>) {
      by_status[row.status] = row.total
      counts.total += row.total
      counts.with_problems += row.with_problems
      counts.queued += row.queued
    }
    return counts
  }

  async createListing(data: Record<string, unknown>) {
    return await this.createAliExpressListings(data as any)
  }

  /** A failed order keeps (or gets) a binding marked failed, so the next runs retry it. */
  async recordOrderFailure(accountId: string, aeOrderId: string, message: string): Promise<void> {
    const [existing] = await this.listAliExpressOrders({ account_id: accountId, ae_order_id: aeOrderId }, { take: 1 })
    if (existing) {
      if (existing.status === "imported" || existing.status === "canceled") {
        return
      }
      if (existing.status === "importing") {
        // A claim: its run may still be creating the order. Only the error is noted; the claim
        // is taken over once stale, by a run that looks for the order first.
        await this.updateAliExpressOrders({ id: existing.id, last_error: message })
        return
      }
      await this.updateAliExpressOrders({
        id: existing.id,
        status: "failed",
        last_error: message,
        last_attempt_at: new Date(),
        next_attempt_at: orderRetryAt(existing.attempts),
      })
      return
    }
    await this.createAliExpressOrders({
      account_id: accountId,
      ae_order_id: aeOrderId,
      status: "failed",
      last_error: message,
      attempts: 1,
      last_attempt_at: new Date(),
      next_attempt_at: orderRetryAt(1),
    })
  }

  /**
   * Records how a job went (or how a watched condition stands) in the account's health, in one
   * transaction with the row locked, and says whether this opened or closed an incident.
   */
  @InjectTransactionManager()
  async recordHealth(
    accountId: string,
    subject: HealthSubject,
    outcome: HealthOutcome,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await recordHealthOutcome(sharedContext.transactionManager as any, accountId, subject, outcome)
  }

  /**
   * The account a call is about. With an id, that account (NOT_FOUND when it does not exist or
   * was removed). Without one, the store's only account, so single-account stores and the routes
   * written for them keep working; with several, the caller must say which.
   */
  async getAccount(accountId?: string | null): Promise<AccountRecord | null> {
    if (accountId) {
      const [account] = await this.listAliExpressAccounts({ id: accountId }, { take: 1 })
      if (!account) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `account_id: AliExpress account ${accountId} does not exist`)
      }
      return await this.checkSealedSecrets_(account)
    }
    const accounts = await this.listAliExpressAccounts({}, { order: { created_at: "ASC" }, take: 2 })
    if (accounts.length > 1) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "account_id is required: this store has several AliExpress accounts, say which one"
      )
    }
    return accounts[0] ? await this.checkSealedSecrets_(accounts[0]) : null
  }

  /** Every account of the store, oldest first, secrets checked as getAccount does. */
  async listAccounts(): Promise<AccountRecord[]> {
    const accounts = await this.listAliExpressAccounts({}, { order: { created_at: "ASC" } })
    return await Promise.all(accounts.map((a) => this.checkSealedSecrets_(a)))
  }

  /** The connected accounts: the ones the jobs work for. */
  async listConnectedAccounts(): Promise<AccountRecord[]> {
    return (await this.listAccounts()).filter(isConnectedAccount)
  }

  /**
   * The ids of the store's accounts (`connected`: those the jobs work for), reused for a few
   * seconds: store events, many a second during a sale, fan out to every account. The service's
   * own account writes forget them; another process sees a change within the few seconds.
   */
  async accountIds(opts: { connected?: boolean } = {}): Promise<string[]> {
    const cached = this.caches.accountIds
    if (!cached || Date.now() - cached.at > ACCOUNT_IDS_TTL_MS) {
      const ids = this.listAccounts().then((accounts) => ({
        all: accounts.map((a) => a.id),
        connected: accounts.filter(isConnectedAccount).map((a) => a.id),
      }))
      this.caches.accountIds = { at: Date.now(), ids }
      ids.catch(() => this.caches.accountIds?.ids === ids && (this.caches.accountIds = null))
    }
    const { all, connected } = await this.caches.accountIds!.ids
    return opts.connected ? connected : all
  }

  /** The account selling on this AliExpress seller, for pushes that name their seller. */
  async findAccountBySeller(sellerId: string): Promise<AccountRecord | null> {
    const [account] = await this.listAliExpressAccounts({ seller_id: sellerId }, { order: { created_at: "ASC" }, take: 1 })
    return account ? await this.checkSealedSecrets_(account) : null
  }

  /**
   * Secrets sealed under a previous key are sealed again under the current one on first use.
   * When a secret opens with no key, the account asks to be reconnected (nothing can call
   * AliExpress with it); once the right key is configured again, it is back as it was.
   */
  protected async checkSealedSecrets_(account: AccountRecord): Promise<AccountRecord> {
    const resealed: Record<string, string> = {}
    let unreadable = false
    for (const field of SEALED_FIELDS) {
      const sealed = account[field]
      if (!sealed) continue
      try {
        const opened = this.cipher_.open(sealed)
        if (opened.stale) {
          resealed[field] = this.cipher_.encrypt(opened.plain)
        }
      } catch {
        unreadable = true
      }
    }
    const update: Record<string, unknown> = { ...resealed }
    if (unreadable && (account.status !== "reconnect_needed" || account.status_reason !== KEY_MISMATCH_REASON)) {
      Object.assign(update, { status: "reconnect_needed", status_reason: KEY_MISMATCH_REASON })
    } else if (!unreadable && account.status_reason === KEY_MISMATCH_REASON) {
      Object.assign(update, {
        status: account.access_token_encrypted ? "connected" : "disconnected",
        status_reason: null,
      })
    }
    if (!Object.keys(update).length) {
      return account
    }
    this.clients_.delete(account.id)
    this.caches.accountIds = null
    return await this.updateAliExpressAccounts({ id: account.id, ...update })
  }

  /** The clear text of a stored secret, or null when it is absent or no configured key opens it. */
  protected openOrNull_(sealed: string | null | undefined): string | null {
    if (!sealed) return null
    try {
      return this.cipher_.decrypt(sealed)
    } catch {
      return null
    }
  }

  async requireAccount(accountId?: string | null): Promise<AccountRecord> {
    const account = await this.getAccount(accountId)
    if (!account) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "No AliExpress account is set up yet: save the settings first")
    }
    return account
  }

  /**
   * Saves an account's settings: the named one, else the store's only one, else a new one
   * (`create` always makes a new one: a second seller account).
   */
  async saveAccountSettings(input: AccountSettingsInput, target: { account_id?: string | null; create?: boolean } = {}): Promise<AccountRecord> {
    const { app_secret, access_token, refresh_token, ...plain } = input
    const data: Record<string, unknown> = { ...plain }
    if (app_secret !== undefined && !isMasked(app_secret)) {
      data.app_secret_encrypted = app_secret ? this.cipher_.encrypt(app_secret) : null
    }
    if (access_token !== undefined && !isMasked(access_token)) {
      data.access_token_encrypted = access_token ? this.cipher_.encrypt(access_token) : null
    }
    if (refresh_token !== undefined && !isMasked(refresh_token)) {
      data.refresh_token_encrypted = refresh_token ? this.cipher_.encrypt(refresh_token) : null
    }

    const existing = target.create ? null : await this.getAccount(target.account_id)
    this.caches.accountIds = null
    if (existing) {
      return await this.updateAliExpressAccounts({ id: existing.id, ...data })
    }
    if (!data.gateway_url || !data.app_key) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "gateway_url and app_key are required for a new account")
    }
    return await this.createAliExpressAccounts(data as any)
  }

  async saveTokens(accountId: string, tokens: TokenSet): Promise<void> {
    this.caches.accountIds = null
    await this.updateAliExpressAccounts({
      id: accountId,
      access_token_encrypted: this.cipher_.encrypt(tokens.accessToken),
      refresh_token_encrypted: this.cipher_.encrypt(tokens.refreshToken),
      access_token_expires_at: tokens.accessTokenExpiresAt,
      refresh_token_expires_at: tokens.refreshTokenExpiresAt,
      seller_id: tokens.sellerId ?? null,
      seller_nick: tokens.userNick ?? null,
      status: "connected",
      status_reason: null,
    })
  }

  async markReconnectNeeded(accountId: string, reason: string): Promise<void> {
    this.caches.accountIds = null
    await this.updateAliExpressAccounts({ id: accountId, status: "reconnect_needed", status_reason: reason })
    this.clients_.delete(accountId)
  }

  async disconnect(accountId: string): Promise<void> {
    this.caches.accountIds = null
    await this.updateAliExpressAccounts({
      id: accountId,
      access_token_encrypted: null,
      refresh_token_encrypted: null,
      access_token_expires_at: null,
      refresh_token_expires_at: null,
      status: "disconnected",
      status_reason: null,
    })
    this.clients_.delete(accountId)
  }

  /**
   * Removes an account from the store: disconnected, then soft-deleted, so its listings,
   * orders and shipments stay as history and nothing more is sent for it.
   */
  async removeAccount(accountId: string): Promise<void> {
    await this.disconnect(accountId)
    await this.softDeleteAliExpressAccounts(accountId)
    this.caches.accountIds = null
  }

  revealAppSecret(account: AccountRecord): string | null {
    return this.openOrNull_(account.app_secret_encrypted)
  }

  /** The account as admin routes may show it: secrets masked, never decrypted out. */
  toPublicAccount(account: AccountRecord): PublicAccount {
    const {
      app_secret_encrypted,
      access_token_encrypted,
      refresh_token_encrypted,
      ...rest
    } = account as Record<string, any>
    const appSecret = this.openOrNull_(app_secret_encrypted)
    const accessToken = this.openOrNull_(access_token_encrypted)
    return {
      ...rest,
      app_secret: maskSecret(appSecret),
      access_token: maskSecret(accessToken),
      refresh_token: maskSecret(this.openOrNull_(refresh_token_encrypted)),
      // A secret no key opens counts as missing: the merchant enters it again.
      has_app_secret: !!appSecret,
      is_connected: !!accessToken && account.status === "connected",
    } as PublicAccount
  }

  /**
   * The attribute definitions of leaf categories for an account: kept ones younger than a day
   * (unless `refresh`), the rest read with sku.attribute.query and kept. A category AliExpress
   * refuses to describe (not a leaf, unknown) comes back with its `error`; a transient failure
   * (timeout, rate limit) throws, so the caller retries rather than judging products on it.
   */
  async categoryAttributes(
    account: AccountRecord,
    categoryIds: string[],
    opts: { refresh?: boolean; client?: AliExpressClient } = {}
  ): Promise<Map<string, CategoryAttributes>> {
    const ids = [...new Set(categoryIds)]
    const out = new Map<string, CategoryAttributes>()
    if (!ids.length) {
      return out
    }
    const rows = await this.listAliExpressCategoryAttributes({ account_id: account.id, category_id: ids }, { take: ids.length })
    const fresh = Date.now() - CATEGORY_ATTRIBUTES_TTL_MS
    for (const row of rows) {
      if (!opts.refresh && new Date(row.fetched_at).getTime() > fresh) {
        out.set(row.category_id, {
          category_id: row.category_id,
          attributes: row.attributes as unknown as CategoryAttributes["attributes"],
          sku_attributes: row.sku_attributes as unknown as CategoryAttributes["sku_attributes"],
        })
      }
    }
    const missing = ids.filter((id) => !out.has(id))
    if (!missing.length) {
      return out
    }
    const client = opts.client ?? this.getClient(account)
    const now = Date.now()
    for (const [key, entry] of this.categoryReads_) {
      if (now - entry.at > SHARED_READ_MS) this.categoryReads_.delete(key)
    }
    const read = await Promise.all(
      missing.map((categoryId) => {
        // Pages planned at the same moment share one read of a category they both need (also
        // one that just ended: the other page may have looked for the kept row a moment before).
        const key = `${account.id}:${categoryId}`
        const shared = opts.refresh ? undefined : this.categoryReads_.get(key)
        if (shared) return shared.read
        const pending = this.readCategoryAttributes_(account.id, categoryId, client, rows.find((r) => r.category_id === categoryId)?.id)
        this.categoryReads_.set(key, { at: now, read: pending })
        pending.catch(() => this.categoryReads_.get(key)?.read === pending && this.categoryReads_.delete(key))
        return pending
      })
    )
    read.forEach((defs) => out.set(defs.category_id, defs))
    return out
  }

  private async readCategoryAttributes_(
    accountId: string,
    categoryId: string,
    client: AliExpressClient,
    existingId: string | undefined
  ): Promise<CategoryAttributes> {
    let defs: CategoryAttributes
    try {
      defs = toCategoryAttributes(await client.getCategoryAttributes(categoryId))
    } catch (error) {
      if (error instanceof AliExpressRetryableError) {
        throw error
      }
      return { category_id: categoryId, attributes: [], sku_attributes: [], error: (error as Error).message }
    }
    const data = { attributes: defs.attributes as any, sku_attributes: defs.sku_attributes as any, fetched_at: new Date() }
    if (existingId) {
      await this.updateAliExpressCategoryAttributes({ id: existingId, ...data })
    } else {
      // Another process may have kept the same new category at once: the unique index keeps one row.
      await this.createAliExpressCategoryAttributes({ account_id: accountId, category_id: categoryId, ...data }).catch(() => undefined)
    }
    return defs
  }

  /**
   * Trades an OAuth code for tokens without storing them: the caller decides whether they may
   * be kept (a seller already connected as another account must not be). A client of its own,
   * so the account's cached client (which stores every token it adopts) never sees them.
   */
  async exchangeOAuthCode(account: AccountRecord, code: string): Promise<TokenSet> {
    const appSecret = this.revealAppSecret(account)
    if (!appSecret) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The AliExpress app secret is not set: add it in the settings")
    }
    const client = new AliExpressClient({
      baseUrl: account.gateway_url,
      appKey: account.app_key,
      appSecret,
      rateLimit: { ...this.options_.rateLimit, key: `${account.app_key}:${account.id}` },
      timeoutMs: this.options_.requestTimeoutMs,
    })
    return await client.createToken(code)
  }

  /**
   * One client per account and credentials, so the token refresh state and the
   * rate limiter survive between workflow runs in this process.
   */
  getClient(account: AccountRecord): AliExpressClient {
    const appSecret = this.revealAppSecret(account)
    if (!appSecret) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        account.app_secret_encrypted
          ? `The AliExpress account needs reconnecting: ${KEY_MISMATCH_REASON}`
          : "The AliExpress app secret is not set: add it in the settings"
      )
    }
    const fingerprint = [
      account.gateway_url,
      account.app_key,
      account.app_secret_encrypted,
      account.access_token_encrypted,
    ].join("|")
    const cached = this.clients_.get(account.id)
    if (cached && cached.fingerprint === fingerprint) {
      return cached.client
    }
    const client = new AliExpressClient({
      baseUrl: account.gateway_url,
      appKey: account.app_key,
      appSecret,
      tokens: this.openOrNull_(account.access_token_encrypted)
        ? {
            accessToken: this.openOrNull_(account.access_token_encrypted)!,
            refreshToken: this.openOrNull_(account.refresh_token_encrypted) ?? "",
            accessTokenExpiresAt: account.access_token_expires_at ?? undefined,
            refreshTokenExpiresAt: account.refresh_token_expires_at ?? undefined,
          }
        : undefined,
      onTokensRefreshed: async (tokens) => {
        await this.saveTokens(account.id, tokens)
        const entry = this.clients_.get(account.id)
        if (entry) {
          entry.fingerprint = "refreshed"
        }
      },
      // AliExpress limits per app and seller: each account (one seller) paces its own calls.
      rateLimit: { ...this.options_.rateLimit, key: `${account.app_key}:${account.id}` },
      timeoutMs: this.options_.requestTimeoutMs,
    })
    this.clients_.set(account.id, { client, fingerprint })
    return client
  }
}

export default AliExpressModuleService
