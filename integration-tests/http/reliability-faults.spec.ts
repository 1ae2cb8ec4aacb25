// Jobs are scheduled from these at boot: fast ticks so the real mechanisms drive convergence.
// Each scheduled job goes through every connected account on every tick.
process.env.ALIEXPRESS_ORDER_IMPORT_CRON = "*/3 * * * * *"
process.env.ALIEXPRESS_SHIPMENT_PUSH_CRON = "*/3 * * * * *"
process.env.ALIEXPRESS_RECONCILE_CRON = "*/10 * * * * *"
process.env.ALIEXPRESS_SYNC_DEBOUNCE_MS = "200"
process.env.ALIEXPRESS_SYNC_MIN_GAP_MS = "200"
// A hung call is given up after 3 s instead of the default 20 s.
process.env.ALIEXPRESS_REQUEST_TIMEOUT_MS = "3000"

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { startSandbox, type SandboxHandle } from "../../src/sandbox"
import { listingSyncRunner } from "../../src/runners/listing-sync"
import { createSeedProducts, sampleProductSeed } from "../../scripts/lib/store-setup"
import { createAdminHeaders } from "../helpers/admin-auth"
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, sandboxControl } from "../helpers/connect-sandbox"
import { startImageServer } from "../helpers/image-server"
import { addSyncAccount, allListings, expectedInventoryBySku, prepareSyncStore, sandboxState, sleep, until } from "./reliability-support"

/**
 * Sizes are PER ACCOUNT, and two accounts storm at once. The issue asks for 200 products and 100
 * orders; `npm test` runs a smaller storm (2 x 15 products, 2 x 8 orders) to fit CI on two cores,
 * `scripts/soak.sh` the full one (2 x 100 products, 2 x 50 orders) through
 * RELIABILITY_PRODUCTS / RELIABILITY_ORDERS.
 */
const N = Number(process.env.RELIABILITY_PRODUCTS || 15)
const M = Number(process.env.RELIABILITY_ORDERS || 8)
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

const skusOf = (n: number) => ["RED-M", "RED-L", "BLUE-M", "BLUE-L"].map((s) => `TEE${n}-${s}`)

/** One account's side of the storm: its seller, its channel, its products (seed numbers), what it went through. */
type Lane = {
  label: string
  account: any
  sellerId: string
  seedNumbers: number[]
  productIds: string[]
  placed: string[]
  shipped: Set<string>
  nextTracking: number
  failuresSeen: Set<string>
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    afterEach(async () => {
      await sandboxControl(sandbox.url, "/faults", {})
      await Promise.race([listingSyncRunner.whenIdle(), sleep(60000)])
    })

    it(`converges under faults with two accounts at once: ${N} products listed once each on its own seller, ${M} orders imported once, every shipment pushed once, stock as the rules say, per account`, async () => {
      const t0 = Date.now()
      const container = getContainer()
      await sandboxControl(sandbox.url, "/reset", { seed: "empty" })
      const admin = await createAdminHeaders(container, api)
      const rules = { stock_buffer: RULES.buffer, max_quantity: RULES.max_quantity }
      const { store, account: first } = await prepareSyncStore(container, api, admin, sandbox.url, rules)
      const second = await addSyncAccount(container, api, admin, sandbox.url, store, { name: "Second store", settings: rules })
      expect(second.sales_channel_id).not.toBe(first.sales_channel_id)
      expect(String(second.seller_id)).not.toBe(String(first.seller_id))
      const lane = (label: string, account: any, from: number): Lane => ({
        label,
        account,
        sellerId: String(account.seller_id),
        seedNumbers: Array.from({ length: N }, (_, i) => from + i),
        productIds: [],
        placed: [],
        shipped: new Set(),
        nextTracking: label === "first" ? 100000000 : 200000000,
        failuresSeen: new Set(),
      })
      const lanes = [lane("first", first, 1), lane("second", second, N + 1)]
      const tolerate = (p: Promise<any>) => p.catch((e: any) => e.response ?? e)

      // Per-account reads through the admin API, as the admin screens ask for them.
      const shipmentsOf = async (l: Lane) => (await api.get(`/admin/aliexpress/shipments?limit=100&account_id=${l.account.id}`, admin)).data.shipments as any[]
      const bindingsOf = async (l: Lane) => (await api.get(`/admin/aliexpress/orders?limit=100&account_id=${l.account.id}`, admin)).data.orders as any[]
      const syncNow = (l: Lane) => tolerate(api.post("/admin/aliexpress/sync", { account_id: l.account.id }, admin))
      const syncRunning = async (l: Lane) => (await api.get(`/admin/aliexpress/sync?account_id=${l.account.id}`, admin)).data.progress?.state === "running"

      // Whatever failed during the storm must say why, and nothing may sit in pending once a run is over.
      const checkVisible = async (l: Lane) => {
        const listings = await allListings(api, admin, l.account.id)
        for (const x of listings.filter((x) => x.status === "error")) {
          expect(x.last_error).toBeTruthy()
          l.failuresSeen.add(`listing:${x.last_error.slice(0, 60)}`)
        }
        for (const s of (await shipmentsOf(l)).filter((s) => s.status !== "sent" && s.attempts > 0)) {
          expect(s.last_error).toBeTruthy()
          l.failuresSeen.add(`shipment:${s.last_error_code}`)
        }
        return listings
      }

      async function stockMismatches(l: Lane) {
        const expected = await expectedInventoryBySku(container, l.productIds, [store.stockLocationId], RULES)
        const state = await sandboxState(sandbox.url, l.sellerId)
        const shown: Record<string, number> = {}
        for (const p of state.products) for (const s of p.skus) shown[s.sku_code] = s.inventory
        return Object.entries(expected).filter(([sku, qty]) => shown[sku] !== qty).map(([sku, qty]) => `${sku}: ${shown[sku]} shown, ${qty} ruled`)
      }

      const shipImported = async (l: Lane) => {
        for (const b of (await bindingsOf(l)).filter((b) => b.status === "imported" && !l.shipped.has(b.id))) {
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
              labels: [{ tracking_number: `RR${l.nextTracking++}CN`, tracking_url: "#", label_url: "#" }],
            },
            admin
          )
          l.shipped.add(b.id)
        }
      }

      /** One account through the storm: products, "sync now", buyer orders, "import now", shipments. */
      async function storm(l: Lane) {
        const seeds = l.seedNumbers.map((n) =>
          sampleProductSeed(n, { images: [`${images.url}/tee-${n % 5}-front.jpg`, `${images.url}/tee-${n}-back.png`] })
        )
        for (let i = 0; i < seeds.length; i += 25) {
          const created = await createSeedProducts(container, seeds.slice(i, i + 25), {
            salesChannelIds: [l.account.sales_channel_id],
            shippingProfileId: store.shippingProfileId,
            stockLocationId: store.stockLocationId,
          })
          l.productIds.push(...created.map((p: any) => p.id))
        }

        // "Sync now" as the merchant would press it, until every product is on this account's seller.
        await until(
          `every ${l.label} product posted through the storm`,
          async () => {
            const posted = (await checkVisible(l)).filter((x) => x.product_id && x.ae_product_id)
            if (posted.length === N) return true
            if (!(await syncRunning(l))) await syncNow(l)
            return false
          },
          CONVERGE_MS,
          3000
        )

        // Buyers order the SKUs this seller shows on sale; the control API has no faults.
        await until(
          `${M} ${l.label} buyer orders placed`,
          async () => {
            const state = await sandboxState(sandbox.url, l.sellerId)
            for (const p of state.products.filter((p: any) => p.status === "onSelling")) {
              if (l.placed.length >= M) break
              const sku = p.skus.find((s: any) => s.inventory >= 2)
              if (!sku) continue
              const res = await sandboxControl(sandbox.url, "/orders", {
                seller_id: l.sellerId,
                items: [{ sku_code: sku.sku_code, quantity: 1 + (l.placed.length % 2) }],
                shipping_amount: "4.50",
              }).catch(() => null)
              if (res) l.placed.push(String(res.order_id))
            }
            if (l.placed.length < M) await syncNow(l)
            return l.placed.length >= M
          },
          CONVERGE_MS,
          3000
        )

        // Orders come in through "import now" (the job also runs, at most once a minute per the account's interval).
        await until(
          `every ${l.label} order imported and shipped through the storm`,
          async () => {
            await tolerate(api.post("/admin/aliexpress/orders/import", { account_id: l.account.id }, admin))
            for (const b of (await bindingsOf(l)).filter((b) => b.status === "failed" || b.status === "held")) {
              expect(b.last_error || b.problems?.length).toBeTruthy()
              l.failuresSeen.add(`order:${b.status}`)
            }
            await shipImported(l)
            return l.shipped.size >= M
          },
          CONVERGE_MS,
          2000
        )
        await checkVisible(l)
      }

      /** After the storm: the jobs, "sync now" and the retry buttons bring this account home. */
      async function converge(l: Lane) {
        let standing = ""
        await until(
          `convergence of the ${l.label} account after the storm`,
          async () => {
            standing = ""
            const shipments = await shipmentsOf(l)
            for (const s of shipments.filter((s) => s.status !== "sent")) {
              await tolerate(api.post(`/admin/aliexpress/shipments/${s.id}/retry`, {}, admin))
            }
            const sentAll = shipments.length === M && shipments.every((s) => s.status === "sent")
            if (await syncRunning(l)) return false
            const listings = await allListings(api, admin, l.account.id)
            const settled = listings.every((x) => x.status === "live" && !x.sync_requested_at)
            const mismatches = await stockMismatches(l)
            standing = JSON.stringify({
              shipments: shipments.filter((s) => s.status !== "sent").map((s) => [s.status, s.last_error_code]),
              listings: listings.filter((x) => x.status !== "live").map((x) => [x.status, x.last_error]),
              stock: mismatches,
            }).slice(0, 1500)
            if (!settled || mismatches.length) await syncNow(l)
            return sentAll && settled && !mismatches.length
          },
          CONVERGE_MS,
          3000
        ).catch((e) => {
          throw new Error(`${e.message}; still open: ${standing}`)
        })
      }

      // The storm: every fault the sandbox has, from the first call on, on both accounts at once.
      await sandboxControl(sandbox.url, "/faults", FAULTS)
      await Promise.all(lanes.map(storm))
      for (const l of lanes) await checkVisible(l)

      await sandboxControl(sandbox.url, "/faults", {})
      const stormEnded = Date.now()
      await Promise.all(lanes.map(converge))
      const convergedAt = Date.now()

      const states = new Map<Lane, any>()
      for (const l of lanes) states.set(l, await sandboxState(sandbox.url, l.sellerId))
      const query = container.resolve(ContainerRegistrationKeys.QUERY)

      for (const l of lanes) {
        const other = lanes.find((x) => x !== l)!
        const state = states.get(l)
        expect(state.seller.seller_id).toBe(l.sellerId)

        // Every valid product on this account's seller exactly once, by SKU code, and on no other seller.
        const bySku = new Map<string, number>()
        for (const p of state.products) for (const s of p.skus) bySku.set(s.sku_code, (bySku.get(s.sku_code) ?? 0) + 1)
        for (const n of l.seedNumbers) for (const sku of skusOf(n)) expect([l.label, sku, bySku.get(sku)]).toEqual([l.label, sku, 1])
        for (const n of other.seedNumbers) for (const sku of skusOf(n)) expect([l.label, sku, bySku.has(sku)]).toEqual([l.label, sku, false])
        expect(state.products).toHaveLength(N)
        const listings = await allListings(api, admin, l.account.id)
        expect(listings).toHaveLength(N)
        expect(new Set(listings.map((x) => x.product_id))).toEqual(new Set(l.productIds))
        expect(new Set(listings.map((x) => x.ae_product_id)).size).toBe(N)
        expect(new Set(listings.map((x) => String(x.ae_product_id)))).toEqual(new Set(state.products.map((p: any) => String(p.product_id))))
        expect(listings.filter((x) => ["pending", "error"].includes(x.status))).toEqual([])

        // Every order of this seller in this account's channel exactly once, none of the other's.
        const { data: orders } = await query.graph({ entity: "order", fields: ["id", "metadata"], filters: { sales_channel_id: l.account.sales_channel_id } })
        expect(orders).toHaveLength(M)
        expect(new Set(orders.map((o: any) => String(o.metadata?.aliexpress_order_id)))).toEqual(new Set(l.placed))
        const all = await bindingsOf(l)
        expect(all).toHaveLength(M)
        expect(new Set(all.map((b) => b.ae_order_id))).toEqual(new Set(l.placed))
        expect(new Set(all.map((b) => b.order_id))).toEqual(new Set(orders.map((o: any) => o.id)))
        expect(all.filter((b) => b.status !== "imported")).toEqual([])
        expect(state.orders.map((o: any) => o.order_id).sort()).toEqual([...l.placed].sort())
        expect(state.orders.filter((o: any) => other.placed.includes(o.order_id))).toEqual([])

        // Every shipment on this account's seller exactly once.
        for (const id of l.placed) {
          const o = state.orders.find((o: any) => o.order_id === id)
          expect([l.label, id, o.shipments.length]).toEqual([l.label, id, 1])
        }
        const shipments = await shipmentsOf(l)
        expect(shipments).toHaveLength(M)
        expect(shipments.filter((s) => s.status !== "sent")).toEqual([])
        expect([l.label, await stockMismatches(l)]).toEqual([l.label, []])

        const overview = (await api.get(`/admin/aliexpress/overview?account_id=${l.account.id}`, admin)).data
        expect(overview.account.id).toBe(l.account.id)
        expect(overview.listings.total).toBe(N)
        expect(overview.listings.by_status.pending).toBe(0)
        expect(overview.shipments.by_status.pending).toBe(0)
        expect(overview.shipments.by_status.sent).toBe(M)
        expect(overview.orders.by_status.importing).toBe(0)
        expect(overview.orders.by_status.imported).toBe(M)
      }

      // eslint-disable-next-line no-console
      console.log(
        `reliability-faults: 2 accounts x ${N} products, ${M} orders; storm ${((stormEnded - t0) / 1000).toFixed(0)} s, ` +
          `converged ${((convergedAt - stormEnded) / 1000).toFixed(0)} s later; ` +
          lanes
            .map((l) => `${l.label}: failures seen: ${[...l.failuresSeen].join(", ") || "none"}; calls ${JSON.stringify(states.get(l).calls)}`)
            .join("; ")
      )
    })
  },
})
