// Jobs are scheduled from these at boot: fast ticks so the real mechanisms drive convergence.
process.env.ALIEXPRESS_ORDER_IMPORT_CRON = "*/3 * * * * *"
process.env.ALIEXPRESS_SHIPMENT_PUSH_CRON = "*/3 * * * * *"
process.env.ALIEXPRESS_RECONCILE_CRON = "*/10 * * * * *"
process.env.ALIEXPRESS_SYNC_DEBOUNCE_MS = "200"
process.env.ALIEXPRESS_SYNC_MIN_GAP_MS = "200"
// A hung call is given up after 3 s instead of the default 20 s.
process.env.ALIEXPRESS_REQUEST_TIMEOUT_MS = "3000"

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { startSandbox, type SandboxHandle } from "../../src/sandbox"
import { listingSyncRunner } from "../../src/runners/listing-sync"
import { createSeedProducts, sampleProductSeed } from "../../scripts/lib/store-setup"
import { createAdminHeaders } from "../helpers/admin-auth"
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, sandboxControl } from "../helpers/connect-sandbox"
import { startImageServer } from "../helpers/image-server"
import { allListings, expectedInventoryBySku, prepareSyncStore, sandboxState, sleep, until } from "./reliability-support"

/**
 * The issue asks for 200 products and 100 orders; `npm test` runs a smaller storm to fit CI
 * on two cores, `scripts/soak.sh` runs the full one (RELIABILITY_PRODUCTS / RELIABILITY_ORDERS).
 */
const N = Number(process.env.RELIABILITY_PRODUCTS || 30)
const M = Number(process.env.RELIABILITY_ORDERS || 15)
const CONVERGE_MS = Number(process.env.RELIABILITY_CONVERGE_MS || 240_000)
const FAULTS = { error_rate: 0.2, latency_ms: 200, lose_response_rate: 0.05, hang_rate: 0.01, malformed_rate: 0.01, ban_rate: 0.05 }
const RULES = { buffer: 1, max_quantity: 8 }

jest.setTimeout(30 * 60 * 1000)

let sandbox: SandboxHandle
let images: Awaited<ReturnType<typeof startImageServer>>

beforeAll(async () => {
  images = await startImageServer()
  sandbox = await startSandbox({ port: 0, appKey: SANDBOX_APP_KEY, appSecret: SANDBOX_APP_SECRET, auditDelayMs: 0, rateLimitPerSecond: 1000 })
})

afterAll(async () => {
  await sandbox?.stop()
  await images?.stop()
})

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    afterEach(async () => {
      await sandboxControl(sandbox.url, "/faults", {})
      await Promise.race([listingSyncRunner.whenIdle(), sleep(60000)])
    })

    it(`converges under faults: ${N} products listed once each, ${M} orders imported once, every shipment pushed once, stock as the rules say`, async () => {
      const t0 = Date.now()
      const container = getContainer()
      await sandboxControl(sandbox.url, "/reset", { seed: "empty" })
      const admin = await createAdminHeaders(container, api)
      const { store, account } = await prepareSyncStore(container, api, admin, sandbox.url, {
        stock_buffer: RULES.buffer,
        max_quantity: RULES.max_quantity,
      })
      const tolerate = (p: Promise<any>) => p.catch((e: any) => e.response ?? e)

      // The storm: every fault the sandbox has, from the first call on.
      await sandboxControl(sandbox.url, "/faults", FAULTS)
      const seeds = Array.from({ length: N }, (_, i) =>
        sampleProductSeed(i + 1, { images: [`${images.url}/tee-${i % 5}-front.jpg`, `${images.url}/tee-${i}-back.png`] })
      )
      const products: any[] = []
      for (let i = 0; i < seeds.length; i += 25) {
        products.push(
          ...(await createSeedProducts(container, seeds.slice(i, i + 25), {
            salesChannelIds: [account.sales_channel_id],
            shippingProfileId: store.shippingProfileId,
            stockLocationId: store.stockLocationId,
          }))
        )
      }
      const productIds = products.map((p) => p.id)
      const skusOf = (n: number) => ["RED-M", "RED-L", "BLUE-M", "BLUE-L"].map((s) => `TEE${n}-${s}`)

      // Whatever failed during the storm must say why, and nothing may sit in pending once a run is over.
      const failuresSeen = new Set<string>()
      const checkVisible = async () => {
        const listings = await allListings(api, admin)
        for (const l of listings.filter((l) => l.status === "error")) {
          expect(l.last_error).toBeTruthy()
          failuresSeen.add(`listing:${l.last_error.slice(0, 60)}`)
        }
        const { data } = await api.get("/admin/aliexpress/shipments?limit=100", admin)
        for (const s of data.shipments.filter((s: any) => s.status !== "sent" && s.attempts > 0)) {
          expect(s.last_error).toBeTruthy()
          failuresSeen.add(`shipment:${s.last_error_code}`)
        }
        return listings
      }

      // "Sync now" as the merchant would press it, until every product is on AliExpress.
      const onAliExpress = async () => {
        const listings = await checkVisible()
        const posted = listings.filter((l) => l.product_id && l.ae_product_id)
        return posted.length === N && posted
      }
      await until(
        "every product posted through the storm",
        async () => {
          if (await onAliExpress()) return true
          const { data } = await api.get("/admin/aliexpress/sync", admin)
          if (data.progress?.state !== "running") await tolerate(api.post("/admin/aliexpress/sync", {}, admin))
          return false
        },
        CONVERGE_MS,
        3000
      )

      // Buyers order the SKUs the sandbox shows on sale; the control API has no faults.
      const placed: string[] = []
      await until(
        `${M} buyer orders placed`,
        async () => {
          const state = await sandboxState(sandbox.url)
          const onSale = state.products.filter((p: any) => p.status === "onSelling")
          for (const p of onSale) {
            if (placed.length >= M) break
            const sku = p.skus.find((s: any) => s.inventory >= 2)
            if (!sku || placed.length >= M) continue
            const res = await sandboxControl(sandbox.url, "/orders", {
              items: [{ sku_code: sku.sku_code, quantity: 1 + (placed.length % 2) }],
              shipping_amount: "4.50",
            }).catch(() => null)
            if (res) placed.push(String(res.order_id))
          }
          if (placed.length < M) await tolerate(api.post("/admin/aliexpress/sync", {}, admin))
          return placed.length >= M
        },
        CONVERGE_MS,
        3000
      )

      // Orders come in through "import now" (the job also runs, at most once a minute per the account's interval).
      const bindings = async () => (await api.get("/admin/aliexpress/orders?limit=100", admin)).data.orders as any[]
      const shipped = new Set<string>()
      let tracking = 100000000
      const shipImported = async () => {
        for (const b of (await bindings()).filter((b) => b.status === "imported" && !shipped.has(b.id))) {
          const { data } = await api.get(`/admin/orders/${b.order_id}?fields=*items`, admin)
          const f = await tolerate(
            api.post(
              `/admin/orders/${b.order_id}/fulfillments?fields=fulfillments.id`,
              { items: data.order.items.map((i: any) => ({ id: i.id, quantity: i.quantity })) },
              admin
            )
          )
          if (!f?.data?.order) continue
          const fulfillmentId = f.data.order.fulfillments[0].id
          await api.post(
            `/admin/orders/${b.order_id}/fulfillments/${fulfillmentId}/shipments`,
            {
              items: data.order.items.map((i: any) => ({ id: i.id, quantity: i.quantity })),
              labels: [{ tracking_number: `RR${tracking++}CN`, tracking_url: "#", label_url: "#" }],
            },
            admin
          )
          shipped.add(b.id)
        }
      }
      await until(
        "every order imported and shipped through the storm",
        async () => {
          await tolerate(api.post("/admin/aliexpress/orders/import", {}, admin))
          for (const b of (await bindings()).filter((b) => b.status === "failed" || b.status === "held")) {
            expect(b.last_error || b.problems?.length).toBeTruthy()
            failuresSeen.add(`order:${b.status}`)
          }
          await shipImported()
          return shipped.size >= M
        },
        CONVERGE_MS,
        2000
      )
      await checkVisible()

      // The storm ends. The jobs, "sync now" and the retry buttons bring everything home.
      await sandboxControl(sandbox.url, "/faults", {})
      const stormEnded = Date.now()
      let standing = ""
      await until(
        "convergence after the storm",
        async () => {
          standing = ""
          const { data } = await api.get("/admin/aliexpress/shipments?limit=100", admin)
          for (const s of data.shipments.filter((s: any) => s.status !== "sent")) {
            await tolerate(api.post(`/admin/aliexpress/shipments/${s.id}/retry`, {}, admin))
          }
          const sentAll = data.shipments.length === M && data.shipments.every((s: any) => s.status === "sent")
          const { data: sync } = await api.get("/admin/aliexpress/sync", admin)
          if (sync.progress?.state === "running") return false
          const listings = await allListings(api, admin)
          const settled = listings.every((l) => l.status === "live" && !l.sync_requested_at)
          const stock = await stockMatches()
          standing = JSON.stringify({
            shipments: data.shipments.filter((s: any) => s.status !== "sent").map((s: any) => [s.status, s.last_error_code]),
            listings: listings.filter((l) => l.status !== "live").map((l) => [l.status, l.last_error]),
            stock: await stockMismatches(),
          }).slice(0, 1500)
          if (!settled || !stock) await tolerate(api.post("/admin/aliexpress/sync", {}, admin))
          return sentAll && settled && stock
        },
        CONVERGE_MS,
        3000
      ).catch((e) => {
        throw new Error(`${e.message}; still open: ${standing}`)
      })

      async function stockMismatches() {
        const expected = await expectedInventoryBySku(container, productIds, [store.stockLocationId], RULES)
        const state = await sandboxState(sandbox.url)
        const shown: Record<string, number> = {}
        for (const p of state.products) for (const s of p.skus) shown[s.sku_code] = s.inventory
        return Object.entries(expected).filter(([sku, qty]) => shown[sku] !== qty).map(([sku, qty]) => `${sku}: ${shown[sku]} shown, ${qty} ruled`)
      }
      async function stockMatches() {
        return !(await stockMismatches()).length
      }

      // Every valid product on AliExpress exactly once, by SKU code.
      const state = await sandboxState(sandbox.url)
      const bySku = new Map<string, number>()
      for (const p of state.products) for (const s of p.skus) bySku.set(s.sku_code, (bySku.get(s.sku_code) ?? 0) + 1)
      for (let n = 1; n <= N; n++) for (const sku of skusOf(n)) expect([sku, bySku.get(sku)]).toEqual([sku, 1])
      expect(state.products).toHaveLength(N)
      const listings = await allListings(api, admin)
      expect(listings).toHaveLength(N)
      expect(new Set(listings.map((l) => l.ae_product_id)).size).toBe(N)
      expect(listings.filter((l) => ["pending", "error"].includes(l.status))).toEqual([])

      // Every order in Medusa exactly once.
      const orders = await container.resolve(Modules.ORDER).listOrders({ sales_channel_id: account.sales_channel_id }, { take: 1000 })
      expect(orders).toHaveLength(M)
      const all = await bindings()
      expect(all).toHaveLength(M)
      expect(new Set(all.map((b) => b.ae_order_id))).toEqual(new Set(placed))
      expect(new Set(all.map((b) => b.order_id)).size).toBe(M)
      expect(all.filter((b) => b.status !== "imported")).toEqual([])

      // Every shipment on AliExpress exactly once.
      for (const id of placed) {
        const o = state.orders.find((o: any) => o.order_id === id)
        expect([id, o.shipments.length]).toEqual([id, 1])
      }
      const { data: shipments } = await api.get("/admin/aliexpress/shipments?limit=100", admin)
      expect(shipments.shipments.filter((s: any) => s.status !== "sent")).toEqual([])
      expect(await stockMatches()).toBe(true)

      const overview = (await api.get("/admin/aliexpress/overview", admin)).data
      expect(overview.listings.by_status.pending).toBe(0)
      expect(overview.shipments.by_status.pending).toBe(0)
      expect(overview.orders.by_status.importing).toBe(0)

      // eslint-disable-next-line no-console
      console.log(
        `reliability-faults: ${N} products, ${M} orders; storm ${((stormEnded - t0) / 1000).toFixed(0)} s, ` +
          `converged ${((Date.now() - stormEnded) / 1000).toFixed(0)} s later; failures seen: ${[...failuresSeen].join(", ") || "none"}; ` +
          `calls ${JSON.stringify(state.calls)}`
      )
    })
  },
})
