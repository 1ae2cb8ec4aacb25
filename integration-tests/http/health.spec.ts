// Jobs are scheduled from these at boot: the order import ticks every 5 s, so "within a minute"
// is measured against the real job; the reconcile is kept out of the way (once an hour), so
// what shows fast is the review watch and the rule-change sync, not a reconcile tick.
process.env.ALIEXPRESS_ORDER_IMPORT_CRON = "*/5 * * * * *"
process.env.ALIEXPRESS_SHIPMENT_PUSH_CRON = "0 0 * * * *"
process.env.ALIEXPRESS_RECONCILE_CRON = "0 0 * * * *"
process.env.ALIEXPRESS_SYNC_DEBOUNCE_MS = "150"
process.env.ALIEXPRESS_SYNC_MIN_GAP_MS = "150"
process.env.ALIEXPRESS_REQUEST_TIMEOUT_MS = "3000"

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { startSandbox, type SandboxHandle } from "../../src/sandbox"
import { listingSyncRunner } from "../../src/runners/listing-sync"
import { createSeedProducts, sampleProductSeed } from "../../scripts/lib/store-setup"
import { createAdminHeaders } from "../helpers/admin-auth"
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, sandboxControl } from "../helpers/connect-sandbox"
import { startImageServer } from "../helpers/image-server"
import { allListings, prepareSyncStore, sleep, until } from "./reliability-support"

jest.setTimeout(6 * 60 * 1000)

let sandbox: SandboxHandle
let images: Awaited<ReturnType<typeof startImageServer>>

beforeAll(async () => {
  images = await startImageServer()
  sandbox = await startSandbox({
    port: 0,
    appKey: SANDBOX_APP_KEY,
    appSecret: SANDBOX_APP_SECRET,
    auditDelayMs: 3000,
    rateLimitPerSecond: 1000,
    rejectWords: ["Forbidden"],
  })
})

afterAll(async () => {
  await sandbox?.stop()
  await images?.stop()
})

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }

    beforeEach(async () => {
      await sandboxControl(sandbox.url, "/reset", { seed: "empty" })
      admin = await createAdminHeaders(getContainer(), api)
    })

    afterEach(async () => {
      await sandboxControl(sandbox.url, "/faults", {})
      await Promise.race([listingSyncRunner.whenIdle(), sleep(30000)])
    })

    /** The admin feed's notifications, read back through Medusa's notification module. */
    const feed = async () =>
      (await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed" }, { order: { created_at: "ASC" } })).map(
        (n: any) => ({ title: n.data?.title as string, description: n.data?.description as string, template: n.template })
      )
    const titled = async (title: string) => (await feed()).filter((n) => n.title === title)
    const overview = async () => (await api.get("/admin/aliexpress/overview", admin)).data

    const addProducts = async (ctx: Awaited<ReturnType<typeof prepareSyncStore>>, seeds: ReturnType<typeof sampleProductSeed>[]) =>
      createSeedProducts(getContainer(), seeds, {
        salesChannelIds: [ctx.account.sales_channel_id],
        shippingProfileId: ctx.store.shippingProfileId,
        stockLocationId: ctx.store.stockLocationId,
      })

    it("an order import outage turns the overview red within a minute and rings the bell once; recovery rings it once more", async () => {
      await prepareSyncStore(getContainer(), api, admin, sandbox.url)
      await until("a first successful scheduled import", async () => (await overview()).account.health.order_import.state === "ok", 30000)
      expect(await titled("AliExpress order import is failing")).toEqual([])

      const outageAt = Date.now()
      await sandboxControl(sandbox.url, "/faults", { error_rate: 1 })
      const failing = await until(
        "the order import shown as failing",
        async () => {
          const { account } = await overview()
          return account.health.order_import.consecutive_failures >= 1 && account.health
        },
        60000
      )
      expect(Date.now() - outageAt).toBeLessThan(60000)
      process.stdout.write(`measured: order import outage shown after ${((Date.now() - outageAt) / 1000).toFixed(1)} s\n`)
      expect(failing.order_import.last_failure_reason).toMatch(/^AliExpress answered \S+: /)
      expect(failing.order_import.last_failure_at).toBeTruthy()
      expect(failing.order_import.last_success_at).toBeTruthy()
      expect(["warning", "error"]).toContain(failing.state)
      await until("the bell's notice", async () => (await titled("AliExpress order import is failing")).length === 1, 10000)

      // More failed runs: the same incident, still one notice.
      await until("three failures in a row", async () => (await overview()).account.health.order_import.consecutive_failures >= 3, 60000)
      const notices = await titled("AliExpress order import is failing")
      expect(notices).toHaveLength(1)
      expect(notices[0].template).toBe("admin-ui")
      expect(notices[0].description).toMatch(/not reaching Medusa/)
      expect((await overview()).account.health.order_import.state).toBe("error")

      await sandboxControl(sandbox.url, "/faults", {})
      await until("the order import back to ok", async () => (await overview()).account.health.order_import.state === "ok", 60000)
      await until("the recovery notice", async () => (await titled("AliExpress order import works again")).length === 1, 10000)
      await sleep(6000)
      expect(await titled("AliExpress order import works again")).toHaveLength(1)
      expect(await titled("AliExpress order import is failing")).toHaveLength(1)
      expect((await overview()).account.health.order_import.last_failure_reason).toBeNull()
    })

    it("a refresh token that runs out within 7 days rings the bell once", async () => {
      const { account } = await prepareSyncStore(getContainer(), api, admin, sandbox.url)
      const service: any = getContainer().resolve("aliexpress")
      await service.updateAliExpressAccounts({ id: account.id, refresh_token_expires_at: new Date(Date.now() + 3 * 24 * 3600 * 1000) })
      await until("the expiry notice", async () => (await titled("AliExpress authorisation expires soon")).length === 1, 75000)
      await sleep(11000)
      expect(await titled("AliExpress authorisation expires soon")).toHaveLength(1)
      const health = (await overview()).account.health
      expect(health.token_expiry.state).toBe("warning")
      expect(health.token_expiry.last_failure_reason).toMatch(/reconnect/)

      await service.updateAliExpressAccounts({ id: account.id, refresh_token_expires_at: new Date(Date.now() + 300 * 24 * 3600 * 1000) })
      await until("the renewal notice", async () => (await titled("AliExpress authorisation renewed")).length === 1, 75000)
    })

    it("saving a price rule answers how many products will be updated and sends the new prices at once", async () => {
      const ctx = await prepareSyncStore(getContainer(), api, admin, sandbox.url)
      const seeds = [1, 2, 3].map((i) => sampleProductSeed(i, { images: [`${images.url}/tee-${i}-front.jpg`] }))
      await addProducts(ctx, seeds)
      await until("three products listed", async () => (await allListings(api, admin)).filter((l) => l.ae_product_id).length === 3, 90000)
      await listingSyncRunner.whenIdle()
      const health = (await overview()).account.health
      expect(health.listing_sync.state).toBe("ok")
      expect(health.listing_sync.last_success_at).toBeTruthy()

      const unchanged = await api.post("/admin/aliexpress/settings", { markup_percent: 0 }, admin)
      expect(unchanged.data.products_to_update).toBe(0)

      const savedAt = Date.now()
      const { data } = await api.post("/admin/aliexpress/settings", { markup_percent: 50 }, admin)
      expect(data.products_to_update).toBe(3)
      // No reconcile runs in this spec: the prices reach AliExpress because the save started a sync.
      await until(
        "every SKU priced with the markup on AliExpress",
        async () => {
          const state = await sandboxControl(sandbox.url, "/state")
          const prices = (state.products ?? []).flatMap((p: any) => (p.skus ?? []).map((s: any) => Number(s.price)))
          return prices.length >= 12 && prices.every((p: number) => Math.abs(p - 29.985) < 0.02)
        },
        30000
      )
      expect(Date.now() - savedAt).toBeLessThan(30000)
      process.stdout.write(`measured: new prices on AliExpress ${((Date.now() - savedAt) / 1000).toFixed(1)} s after the save\n`)

      const list = await api.post("/admin/aliexpress/lookup-lists", { name: "Colours", entries: [{ from: "Red", to: "Rouge" }] }, admin)
      expect(list.status).toBe(201)
      expect(list.data.products_to_update).toBe(3)
    })

    it("a failed sync shows as failed, and the next successful run clears it and the listing sync's health", async () => {
      const ctx = await prepareSyncStore(getContainer(), api, admin, sandbox.url)
      await addProducts(ctx, [2, 3].map((i) => sampleProductSeed(i, { images: [`${images.url}/tee-${i}-front.jpg`] })))
      await until("two products listed", async () => (await allListings(api, admin)).filter((l) => l.ae_product_id).length === 2, 90000)
      await listingSyncRunner.whenIdle()

      await sandboxControl(sandbox.url, "/faults", { error_rate: 1 })
      await getContainer().resolve("aliexpress").updateAliExpressAccounts({ id: ctx.account.id, existing_listings_imported_at: null })
      await api.post("/admin/aliexpress/sync", {}, admin)
      const failed = await until("the sync shown as failed", async () => {
        const { account } = await overview()
        return account.sync_progress?.state === "failed" && account
      }, 60000)
      expect(failed.sync_progress.last_error).toBeTruthy()
      expect(failed.health.listing_sync.consecutive_failures).toBeGreaterThanOrEqual(1)

      await sandboxControl(sandbox.url, "/faults", {})
      // No "Sync now": the runner's own re-run after its back-off succeeds and replaces the failure.
      const cleared = await until("the failure cleared by the next run", async () => {
        const { account } = await overview()
        return account.sync_progress?.state === "done" && account
      }, 60000)
      expect(cleared.sync_progress.last_error).toBeNull()
      expect(cleared.health.listing_sync).toMatchObject({ state: "ok", consecutive_failures: 0, last_failure_reason: null })
    })

    it("a rejection by AliExpress review shows within a minute and rings the bell", async () => {
      const ctx = await prepareSyncStore(getContainer(), api, admin, sandbox.url)
      await addProducts(ctx, [sampleProductSeed(7, { title: "Forbidden Tee 7", images: [`${images.url}/tee-7-front.jpg`] })])
      const submitted = await until(
        "the product sent for review",
        async () => (await allListings(api, admin)).find((l) => l.status === "auditing" || l.status === "rejected"),
        60000
      )
      const sentAt = Date.now()
      const rejected = await until(
        "the rejection in the admin",
        async () => (await allListings(api, admin)).find((l) => l.id === submitted.id && l.status === "rejected"),
        60000,
        1000
      )
      expect(Date.now() - sentAt).toBeLessThan(60000)
      process.stdout.write(`measured: rejection shown ${((Date.now() - sentAt) / 1000).toFixed(1)} s after the submission\n`)
      expect(rejected.audit_reason).toBeTruthy()
      await until("the rejection notice", async () => (await titled("AliExpress rejected listings")).length === 1, 15000)
      const [notice] = await titled("AliExpress rejected listings")
      expect(notice.description).toMatch(/Forbidden Tee 7/)
      expect((await overview()).account.health.listing_review.state).toBe("warning")
    })

    it("reference routes answer 502 with AliExpress' message and no stack trace when AliExpress fails", async () => {
      await prepareSyncStore(getContainer(), api, admin, sandbox.url)
      await sandboxControl(sandbox.url, "/faults", { error_rate: 1 })
      for (const path of [
        "/admin/aliexpress/categories",
        "/admin/aliexpress/categories/200000346/attributes?refresh=true",
        "/admin/aliexpress/reference/freight-templates",
        "/admin/aliexpress/reference/logistics-services",
      ]) {
        const res = await api.get(path, admin).catch((e: any) => e.response)
        expect({ path, status: res.status }).toEqual({ path, status: 502 })
        expect(res.data.type).toBe("aliexpress_unavailable")
        expect(res.data.message).toMatch(/AliExpress failed to answer/)
        expect(JSON.stringify(res.data)).not.toMatch(/\bat .+\.(ts|js):\d+|stack/i)
      }
    })
  },
})
