import path from "path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ALIEXPRESS_MODULE } from "../../src/modules/aliexpress"
import type AliExpressModuleService from "../../src/modules/aliexpress/service"
import { rememberSecret } from "../helpers/known-secrets"

jest.setTimeout(60 * 1000)

const SECRET = "module-secret-value-9876"
;[SECRET, "access-token-abcdef", "refresh-token-ghijkl"].forEach(rememberSecret)

moduleIntegrationTestRunner<AliExpressModuleService>({
  moduleName: ALIEXPRESS_MODULE,
  resolve: path.join(process.cwd(), "src/modules/aliexpress"),
  pathToMigrations: path.join(process.cwd(), "src/modules/aliexpress/migrations"),
  moduleOptions: { encryptionKey: "module-test-key" },
  testSuite: ({ service, MikroOrmWrapper }) => {
    const baseAccount = { gateway_url: "http://127.0.0.1:9100", app_key: "k", app_secret: SECRET }

    it("encrypts the app secret and tokens at rest and masks them for the admin", async () => {
      const account = await service.saveAccountSettings(baseAccount)
      await service.saveTokens(account.id, {
        accessToken: "access-token-abcdef",
        refreshToken: "refresh-token-ghijkl",
        accessTokenExpiresAt: new Date(Date.now() + 3600_000),
        refreshTokenExpiresAt: new Date(Date.now() + 7200_000),
        sellerId: "2000000001",
        userId: "2000000001",
        userNick: "demo-seller",
        account: "demo",
      } as any)

      const rows = await MikroOrmWrapper.forkManager().execute("select * from aliexpress_account")
      const raw = JSON.stringify(rows)
      expect(raw).not.toContain(SECRET)
      expect(raw).not.toContain("access-token-abcdef")
      expect(raw).not.toContain("refresh-token-ghijkl")

      const stored = await service.requireAccount()
      expect(service.revealAppSecret(stored)).toBe(SECRET)
      const publicView = service.toPublicAccount(stored)
      expect(publicView.app_secret).toBe("********9876")
      expect(publicView.access_token).toBe("********cdef")
      expect(publicView.is_connected).toBe(true)
      expect(JSON.stringify(publicView)).not.toContain(SECRET)
    })

    it("keeps one account and ignores masked secrets on save", async () => {
      await service.saveAccountSettings(baseAccount)
      await service.saveAccountSettings({ app_secret: "********9876", stock_buffer: 4 })
      const [accounts, count] = await service.listAndCountAliExpressAccounts()
      expect(count).toBe(1)
      expect(service.revealAppSecret(accounts[0])).toBe(SECRET)
      expect(accounts[0].stock_buffer).toBe(4)
    })

    it("refuses a second binding for the same AliExpress order", async () => {
      await service.createAliExpressOrders({ account_id: "acc", ae_order_id: "8200000000000000001" })
      await expect(
        service.createAliExpressOrders({ account_id: "acc", ae_order_id: "8200000000000000001" })
      ).rejects.toThrow(/already exists/)
      await service.createAliExpressOrders({ account_id: "other", ae_order_id: "8200000000000000001" })
    })

    it("refuses a second listing for the same product and a second push for the same fulfillment", async () => {
      await service.createAliExpressListings({ account_id: "acc", product_id: "prod_1" })
      await expect(service.createAliExpressListings({ account_id: "acc", product_id: "prod_1" })).rejects.toThrow(
        /already exists/
      )
      const shipment = {
        account_id: "acc",
        ae_order_id: "1",
        order_id: "order_1",
        fulfillment_id: "ful_1",
        service_name: "UPS",
        tracking_number: "1Z999AA10123456784",
        send_type: "all" as const,
      }
      await service.createAliExpressShipments(shipment)
      await expect(service.createAliExpressShipments(shipment)).rejects.toThrow(/already exists/)
    })

    it("queues a page of new listings in one insert, queueing instead a listing another worker made meanwhile", async () => {
      const before = new Date(Date.now() - 60_000)
      const queuedAt = new Date()
      const madeByOther = await service.createAliExpressListings({ account_id: "acc", product_id: "prod_b", status: "live", sync_requested_at: before })

      const created = await service.createQueuedListings("acc", ["prod_c", "prod_a", "prod_b"], queuedAt)

      // Only the two new rows are the request's own (its compensation removes them).
      expect(created).toHaveLength(2)
      const rows = await service.listAliExpressListings({ account_id: "acc" }, { select: ["id", "product_id", "status", "sync_requested_at"] })
      expect(rows.map((r) => r.product_id).sort()).toEqual(["prod_a", "prod_b", "prod_c"])
      const byProduct = new Map(rows.map((r) => [r.product_id, r]))
      expect(new Set(created)).toEqual(new Set([byProduct.get("prod_a")!.id, byProduct.get("prod_c")!.id]))
      expect(byProduct.get("prod_a")!.id).toMatch(/^aelst_/)
      expect(byProduct.get("prod_a")!.status).toBe("pending")
      // The other worker's row keeps its status and is queued now, not left out.
      expect(byProduct.get("prod_b")!.id).toBe(madeByOther.id)
      expect(byProduct.get("prod_b")!.status).toBe("live")
      for (const row of rows) expect(new Date(row.sync_requested_at!).getTime()).toBe(queuedAt.getTime())

      const page = Array.from({ length: 50 }, (_, i) => `prod_page_${i}`)
      expect(await service.createQueuedListings("acc", page, queuedAt)).toHaveLength(50)
      expect(await service.createQueuedListings("acc", [], queuedAt)).toEqual([])
    })

    it("queues the listings of given products with what the request resets, and those missing from a page of the channel without touching drafts", async () => {
      const earlier = new Date(Date.now() - 60_000)
      const queuedAt = new Date()
      const [failed, draft, other, leftOut, leftDraft] = await service.createAliExpressListings([
        { account_id: "acc", product_id: "prod_failed", status: "error", next_attempt_at: queuedAt, stock_hash: "s1" },
        { account_id: "acc", product_id: "prod_draft", status: "draft" },
        { account_id: "other", product_id: "prod_failed", status: "live" },
        { account_id: "acc", product_id: "prod_gone", status: "live", stock_hash: "s2" },
        { account_id: "acc", product_id: "prod_gone_draft", status: "draft", sync_requested_at: null },
      ])
      await service.createAliExpressListings({ account_id: "acc", product_id: "prod_queued", status: "live", sync_requested_at: earlier })
      // In the channel, and just taken off the queue by a run.
      const settled = await service.createAliExpressListings({ account_id: "acc", product_id: "prod_ended", status: "live", sync_requested_at: null })

      const listed = await service.queueProductListings("acc", ["prod_failed", "prod_draft", "prod_new"], queuedAt, { retryNow: true, resendStock: true })

      expect([...listed].sort()).toEqual(["prod_draft", "prod_failed"])
      const read = async (id: string) =>
        (await service.listAliExpressListings({ id }, { select: ["status", "sync_requested_at", "next_attempt_at", "stock_hash"] }))[0]
      expect(await read(failed.id)).toMatchObject({ status: "error", next_attempt_at: null, stock_hash: null })
      expect(new Date((await read(failed.id)).sync_requested_at!).getTime()).toBe(queuedAt.getTime())
      expect((await read(draft.id)).status).toBe("pending")
      // Another account's listing of the same product is not touched.
      expect((await read(other.id)).sync_requested_at).toBeNull()

      // A page of the channel read in id order: [prod_draft, prod_ended, prod_failed] after nothing, up to prod_failed.
      const leftOutAt = new Date(queuedAt.getTime() + 1000)
      expect(await service.queueListingsMissingFrom("acc", { after: null, upTo: "prod_failed" }, ["prod_draft", "prod_ended", "prod_failed"], leftOutAt)).toBe(0)
      expect((await read(settled.id)).sync_requested_at).toBeNull()
      // The last page, past prod_failed: prod_gone and prod_gone_draft are not in it; prod_queued is queued already.
      expect(await service.queueListingsMissingFrom("acc", { after: "prod_failed", upTo: null }, ["prod_new"], leftOutAt)).toBe(2)
      expect(await read(leftOut.id)).toMatchObject({ status: "live", stock_hash: "s2" })
      expect(new Date((await read(leftOut.id)).sync_requested_at!).getTime()).toBe(leftOutAt.getTime())
      // A draft whose product left stays a draft; what was queued already keeps its time.
      expect((await read(leftDraft.id)).status).toBe("draft")
      expect(new Date((await read(failed.id)).sync_requested_at!).getTime()).toBe(queuedAt.getTime())
    })

    it("takes off the queue only the listings queued before the given moment", async () => {
      const earlier = new Date(Date.now() - 60_000)
      const later = new Date(Date.now() + 60_000)
      const [old, requeued, idle] = await service.createAliExpressListings([
        { account_id: "acc", product_id: "prod_old", status: "live", sync_requested_at: earlier },
        { account_id: "acc", product_id: "prod_requeued", status: "live", sync_requested_at: later },
        { account_id: "acc", product_id: "prod_idle", status: "live", sync_requested_at: null },
      ])

      expect(await service.settleQueuedListings([old.id, requeued.id, idle.id], new Date())).toEqual([old.id])

      const rows = await service.listAliExpressListings({ account_id: "acc" }, { select: ["product_id", "sync_requested_at"] })
      const queued = Object.fromEntries(rows.map((r) => [r.product_id, r.sync_requested_at && new Date(r.sync_requested_at).getTime()]))
      // A listing queued again after its fingerprint was read (its product changed) stays queued.
      expect(queued).toEqual({ prod_old: null, prod_requeued: later.getTime(), prod_idle: null })
      expect(await service.settleQueuedListings([], new Date())).toEqual([])
    })

    it("writes many listings in bulk, each with its own values, leaving out undefined fields and deleted rows, and names a column it does not have", async () => {
      const [a, b, gone] = await service.createAliExpressListings([
        { account_id: "acc", product_id: "prod_a", status: "error", last_error: "old", attempts: 3, problems: [{ message: "x" }], problem_count: 1 },
        { account_id: "acc", product_id: "prod_b", status: "live", price_hash: "p0", last_error: "keep" },
        { account_id: "acc", product_id: "prod_gone", status: "live", price_hash: "g0" },
      ])
      await service.softDeleteAliExpressListings([gone.id])
      const at = new Date("2026-11-30T12:00:00.000Z")

      await service.saveListings([
        { id: a.id, status: "live", problems: [], problem_count: 0, last_error: null, attempts: 0, last_synced_at: at },
        { id: b.id, price_hash: "p1", last_error: undefined, sku_codes: ["B-1", "B-2"] },
        { id: b.id, stock_hash: "s1" },
        { id: gone.id, price_hash: "g1" },
      ])

      const rows = await service.listAliExpressListings({ account_id: "acc" }, { withDeleted: true })
      const byProduct = Object.fromEntries(rows.map((r) => [r.product_id, r]))
      expect(byProduct.prod_a).toMatchObject({ status: "live", problems: [], problem_count: 0, last_error: null, attempts: 0 })
      expect(new Date(byProduct.prod_a.last_synced_at!).toISOString()).toBe(at.toISOString())
      // Both writes of b land; its error, given as undefined, is kept.
      expect(byProduct.prod_b).toMatchObject({ price_hash: "p1", stock_hash: "s1", last_error: "keep", sku_codes: ["B-1", "B-2"] })
      expect(byProduct.prod_gone.price_hash).toBe("g0")

      await expect(service.saveListings([{ id: a.id, price_hash: "p2", no_such_column: 1 }])).rejects.toThrow(/no column "no_such_column"/)
      expect((await service.retrieveAliExpressListing(a.id)).price_hash).toBeNull()
    })

    it("records health outcomes atomically: concurrent failures open one incident, the next success closes it", async () => {
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, (_, i) => service.recordHealth("aeacc_1", "order_import", { ok: false, reason: `down ${i}` }))
      )
      expect(outcomes.filter((o) => o.transition === "opened")).toHaveLength(1)
      const [row] = await service.listAliExpressHealths({ account_id: "aeacc_1", subject: "order_import" })
      expect(row.consecutive_failures).toBe(8)
      expect(row.incident_started_at).toBeTruthy()
      const back = await Promise.all([1, 2, 3].map(() => service.recordHealth("aeacc_1", "order_import", { ok: true })))
      expect(back.filter((o) => o.transition === "recovered")).toHaveLength(1)
      const [after] = await service.listAliExpressHealths({ account_id: "aeacc_1", subject: "order_import" })
      expect(after).toMatchObject({ consecutive_failures: 0, incident_started_at: null })
      // Another subject and another account have rows of their own.
      expect((await service.recordHealth("aeacc_1", "shipment_push", { ok: false, reason: "x" })).transition).toBe("opened")
      expect((await service.recordHealth("aeacc_2", "order_import", { ok: false, reason: "x" })).transition).toBe("opened")
    })
  },
})
