// The scheduled jobs stay out of the way; this file drives every run itself ("sync now", "import now", the push job's workflow).
process.env.ALIEXPRESS_ORDER_IMPORT_CRON = "0 0 * * *"
process.env.ALIEXPRESS_SHIPMENT_PUSH_CRON = "0 0 * * *"
process.env.ALIEXPRESS_RECONCILE_CRON = "0 0 * * *"
process.env.ALIEXPRESS_SYNC_DEBOUNCE_MS = "100"
process.env.ALIEXPRESS_SYNC_MIN_GAP_MS = "100"

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { startSandbox, type SandboxHandle } from "../../src/sandbox"
import { listingSyncRunner } from "../../src/runners/listing-sync"
import { pushDueShipments } from "../../src/runners/shipment-push"
import { createSeedProducts, sampleProductSeed } from "../../scripts/lib/store-setup"
import { createAdminHeaders } from "../helpers/admin-auth"
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, sandboxControl } from "../helpers/connect-sandbox"
import { rememberSecret } from "../helpers/known-secrets"
import { startImageServer } from "../helpers/image-server"
import { allListings, prepareSyncStore, sandboxState, sleep, until } from "./reliability-support"

jest.setTimeout(10 * 60 * 1000)

const HOUR = 60 * 60 * 1000
const REFRESH = "/auth/token/refresh"

let sandbox: SandboxHandle
let images: Awaited<ReturnType<typeof startImageServer>>

beforeAll(async () => {
  images = await startImageServer()
  sandbox = await startSandbox({
    port: 0,
    appKey: SANDBOX_APP_KEY,
    appSecret: SANDBOX_APP_SECRET,
    auditDelayMs: 0,
    // Slow enough that a sync of a few products is still running when the clock jumps.
    rateLimitPerSecond: 1000,
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
    let ctx: Awaited<ReturnType<typeof prepareSyncStore>>

    const service = () => getContainer().resolve("aliexpress") as any
    const createInChannel = (from: number, count: number) =>
      createSeedProducts(
        getContainer(),
        Array.from({ length: count }, (_, i) =>
          sampleProductSeed(from + i, { images: [`${images.url}/tee-${from + i}-front.jpg`] })
        ),
        { salesChannelIds: [ctx.account.sales_channel_id], shippingProfileId: ctx.store.shippingProfileId, stockLocationId: ctx.store.stockLocationId }
      )
    /** Tokens straight from the sandbox, stored as the OAuth callback would store them. */
    const connectWith = async (ttl: { access_ttl_sec: number; refresh_ttl_sec: number }) => {
      const t = await sandboxControl(sandbox.url, "/tokens", ttl)
      rememberSecret(t.access_token)
      rememberSecret(t.refresh_token)
      await service().saveTokens(ctx.account.id, {
        accessToken: t.access_token,
        refreshToken: t.refresh_token,
        // Our clock, not the sandbox's (which may have been moved on).
        accessTokenExpiresAt: new Date(Date.now() + ttl.access_ttl_sec * 1000),
        refreshTokenExpiresAt: new Date(Date.now() + ttl.refresh_ttl_sec * 1000),
        sellerId: String(t.seller_id),
        userNick: t.user_nick,
      })
    }
    const syncAndWait = async () => {
      const started = Date.now()
      await api.post("/admin/aliexpress/sync", {}, admin)
      return until("the sync run to end", async () => {
        const p = (await api.get("/admin/aliexpress/sync", admin)).data.progress
        return p && p.state !== "running" && Date.parse(p.started_at) >= started - 5 && p
      }, 120000, 200)
    }
    const calls = async () => (await sandboxState(sandbox.url)).calls as Record<string, number>

    beforeEach(async () => {
      await sandboxControl(sandbox.url, "/reset", { seed: "empty" })
      await sandboxControl(sandbox.url, "/faults", {})
      // The control API only moves AliExpress' clock forward; each test starts from real time.
      ;(sandbox.state as any).clockOffsetMs = 0
      admin = await createAdminHeaders(getContainer(), api)
      ctx = await prepareSyncStore(getContainer(), api, admin, sandbox.url)
    })

    afterEach(async () => {
      await sleep(300)
      await Promise.race([listingSyncRunner.whenIdle(), sleep(60000)])
    })

    it("refreshes an access token that expires in the middle of a sync, with no error anywhere", async () => {
      // An hour of validity: more than the client's refresh-ahead margin, so only AliExpress' rejection triggers the refresh.
      await connectWith({ access_ttl_sec: 3600, refresh_ttl_sec: 48 * 3600 })
      await sandboxControl(sandbox.url, "/faults", { latency_ms: 150 })
      const products = await createInChannel(1, 12)
      await until("the sync to be under way", async () => ((await calls())["aliexpress.solution.product.post"] ?? 0) >= 2, 60000, 50)
      // AliExpress' clock moves 90 minutes on: the access token it issued is now expired there.
      await sandboxControl(sandbox.url, "/clock", { advance_ms: 1.5 * HOUR })
      await until("every product posted", async () => {
        const ls = await allListings(api, admin)
        return ls.filter((l) => l.ae_product_id).length === products.length && ls
      }, 120000)
      await sandboxControl(sandbox.url, "/faults", {})
      await Promise.race([listingSyncRunner.whenIdle(), sleep(30000)])

      expect((await calls())[REFRESH]).toBeGreaterThanOrEqual(1)
      const listings = await allListings(api, admin)
      expect(listings.filter((l) => l.status === "error" || l.last_error)).toEqual([])
      expect(listings.every((l) => l.problem_count === 0)).toBe(true)
      const { settings } = (await api.get("/admin/aliexpress/settings", admin)).data
      expect(settings).toMatchObject({ status: "connected", is_connected: true, status_reason: null })
      // The rotated pair was stored (and the leak check knows it).
      const account = await service().requireAccount()
      const client = service().getClient(account)
      rememberSecret(client.tokens?.accessToken)
      rememberSecret(client.tokens?.refreshToken)
      expect(account.access_token_expires_at.getTime()).toBeGreaterThan(Date.now() + 0.9 * 24 * HOUR)
      // And it works: a new product goes out with the refreshed token.
      const [late] = await createInChannel(50, 1)
      await until("the late product posted", async () => (await allListings(api, admin)).find((l) => l.product_id === late.id)?.ae_product_id, 60000)
      const state = await sandboxState(sandbox.url)
      expect(state.products).toHaveLength(products.length + 1)
    })

    it("pauses on an expired refresh token, shows reconnect_needed, loses nothing, and resumes after reconnecting", async () => {
      await connectWith({ access_ttl_sec: 3600, refresh_ttl_sec: 4000 })
      // Before the outage: two products on AliExpress, one order imported and waiting to be shipped.
      const [first] = await createInChannel(1, 1)
      await until("the first product posted", async () => (await allListings(api, admin))[0]?.ae_product_id, 60000)
      await syncAndWait()
      await until("live", async () => (await allListings(api, admin))[0]?.status === "live" || (await syncAndWait(), false), 60000)
      const orderBefore = await sandboxControl(sandbox.url, "/orders", { items: [{ sku_code: "TEE1-RED-M", quantity: 1 }], shipping_amount: "4.50" })
      expect((await api.post("/admin/aliexpress/orders/import", {}, admin)).data.result.imported).toBe(1)
      const [binding] = (await api.get("/admin/aliexpress/orders", admin)).data.orders

      // A buyer orders; then both tokens expire on AliExpress' side before the plugin has seen the order.
      const orderDuring = await sandboxControl(sandbox.url, "/orders", { items: [{ sku_code: "TEE1-BLUE-L", quantity: 1 }], shipping_amount: "4.50" })
      await sandboxControl(sandbox.url, "/clock", { advance_ms: 5000 * 1000 })

      // A product created in the outage, the order import, and a shipment made in the outage.
      const queued = await createInChannel(2, 3)
      await until("the sync to stop on the credentials", async () => (await api.get("/admin/aliexpress/settings", admin)).data.settings.status === "reconnect_needed", 60000)
      await Promise.race([listingSyncRunner.whenIdle(), sleep(30000)])
      const importDuring = await api.post("/admin/aliexpress/orders/import", {}, admin).catch((e: any) => e.response)
      expect(importDuring.status === 200 ? importDuring.data.result.skip_reason : "failed").toBeTruthy()

      const { data: detail } = await api.get(`/admin/orders/${binding.order_id}?fields=*items`, admin)
      const items = detail.order.items.map((i: any) => ({ id: i.id, quantity: i.quantity }))
      const f = await api.post(`/admin/orders/${binding.order_id}/fulfillments?fields=fulfillments.id`, { items }, admin)
      await api.post(
        `/admin/orders/${binding.order_id}/fulfillments/${f.data.order.fulfillments[0].id}/shipments`,
        { items, labels: [{ tracking_number: "RR123456789CN", tracking_url: "#", label_url: "#" }] },
        admin
      )
      const shipment = await until("the shipment queued", async () => (await api.get("/admin/aliexpress/shipments", admin)).data.shipments[0], 30000, 200)
      await sleep(500)

      // Visible: settings and overview say what to do; nothing was given up on.
      const { settings } = (await api.get("/admin/aliexpress/settings", admin)).data
      expect(settings).toMatchObject({ status: "reconnect_needed", is_connected: false })
      expect(settings.status_reason).toBeTruthy()
      const overview = (await api.get("/admin/aliexpress/overview", admin)).data
      expect(overview.account).toMatchObject({ status: "reconnect_needed", status_reason: settings.status_reason })
      const listings = await allListings(api, admin)
      for (const p of queued) {
        const l = listings.find((x) => x.product_id === p.id)
        expect(l).toBeDefined()
        expect(l.ae_product_id).toBeNull()
        expect(["draft", "pending", "error"]).toContain(l.status)
        expect(["invalid", "rejected", "offline"]).not.toContain(l.status)
      }
      const stillQueued = await service().listAliExpressListings({ product_id: queued.map((p) => p.id), sync_requested_at: { $ne: null } })
      expect(stillQueued).toHaveLength(queued.length)
      const shipments = (await api.get("/admin/aliexpress/shipments", admin)).data.shipments
      expect(shipments).toEqual([expect.objectContaining({ id: shipment.id, status: "pending" })])
      expect((await sandboxState(sandbox.url)).orders.find((o: any) => o.order_id === String(orderBefore.order_id)).shipments).toHaveLength(0)
      const boundDuring = (await api.get("/admin/aliexpress/orders", admin)).data.orders.filter((o: any) => o.ae_order_id === String(orderDuring.order_id))
      expect(boundDuring.every((o: any) => o.status !== "canceled")).toBe(true)

      // Reconnect (what the OAuth callback stores), then the usual mechanisms resume. AliExpress'
      // clock goes back to real time first, so the order placed before the jump is in the import window.
      ;(sandbox.state as any).clockOffsetMs = 0
      await connectWith({ access_ttl_sec: 3600, refresh_ttl_sec: 48 * 3600 })
      await syncAndWait()
      const imported = (await api.post("/admin/aliexpress/orders/import", {}, admin)).data.result
      expect(imported.failed ?? 0).toBe(0)
      await pushDueShipments(getContainer())

      const after = await allListings(api, admin)
      expect(after.filter((l) => !l.ae_product_id)).toEqual([])
      const state = await sandboxState(sandbox.url)
      expect(state.products).toHaveLength(4)
      const skuCount = new Map<string, number>()
      for (const p of state.products) for (const s of p.skus) skuCount.set(s.sku_code, (skuCount.get(s.sku_code) ?? 0) + 1)
      expect([...skuCount.values()].every((n) => n === 1)).toBe(true)
      const orders = (await api.get("/admin/aliexpress/orders", admin)).data.orders
      expect(orders.map((o: any) => [o.ae_order_id, o.status]).sort()).toEqual(
        [[String(orderBefore.order_id), "imported"], [String(orderDuring.order_id), "imported"]].sort()
      )
      expect(await getContainer().resolve(Modules.ORDER).listOrders({ sales_channel_id: ctx.account.sales_channel_id })).toHaveLength(2)
      expect((await api.get("/admin/aliexpress/shipments", admin)).data.shipments).toEqual([expect.objectContaining({ status: "sent" })])
      expect(state.orders.find((o: any) => o.order_id === String(orderBefore.order_id)).shipments).toEqual([
        expect.objectContaining({ logistics_no: "RR123456789CN" }),
      ])
      expect((await api.get("/admin/aliexpress/settings", admin)).data.settings).toMatchObject({ status: "connected", is_connected: true })
      expect(first.id).toBeTruthy()
    })
  },
})
