import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { startSandbox, type SandboxHandle } from "../../src/sandbox"
import { defaultTemplate } from "../../src/lib/mapping"
import { activityDay } from "../../src/lib/activity/daily-activity"
import { createAdminHeaders } from "../helpers/admin-auth"
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, sandboxControl } from "../helpers/connect-sandbox"
import { startImageServer } from "../helpers/image-server"
import { listingSyncRunner } from "../../src/runners/listing-sync"
import { createSeedProducts, sampleProductSeed } from "../../scripts/lib/store-setup"
import { placeSandboxOrder, prepareStore, waitFor } from "./orders-support"

jest.setTimeout(240 * 1000)

let sandbox: SandboxHandle
let images: Awaited<ReturnType<typeof startImageServer>>

beforeAll(async () => {
  images = await startImageServer()
  sandbox = await startSandbox({ port: 0, appKey: SANDBOX_APP_KEY, appSecret: SANDBOX_APP_SECRET, auditDelayMs: 100, rateLimitPerSecond: 1000 })
})

afterAll(async () => {
  await sandbox?.stop()
  await images?.stop()
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

medusaIntegrationTestRunner({
  inApp: true,
  env: { ALIEXPRESS_SYNC_DEBOUNCE_MS: "150", ALIEXPRESS_SYNC_MIN_GAP_MS: "150" },
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let prepared: Awaited<ReturnType<typeof prepareStore>>

    const seed = (i: number, overrides: Parameters<typeof sampleProductSeed>[1] = {}) =>
      sampleProductSeed(i, { images: [`${images.url}/tee-${i}-front.jpg`, `${images.url}/tee-${i}-back.png`], ...overrides })
    const createInChannel = (seeds: ReturnType<typeof sampleProductSeed>[]) =>
      createSeedProducts(getContainer(), seeds, {
        salesChannelIds: [prepared.salesChannelId],
        shippingProfileId: prepared.store.shippingProfileId,
        stockLocationId: prepared.store.stockLocationId,
      })

    beforeEach(async () => {
      admin = await createAdminHeaders(getContainer(), api)
      prepared = await prepareStore(getContainer(), api, admin, sandbox.url)
    })

    afterEach(async () => {
      await sleep(400)
      await Promise.race([listingSyncRunner.whenIdle(), sleep(60000)])
    })

    describe("GET /admin/aliexpress/sources", () => {
      it("offers the catalogue's attributes with examples from the merchant's own products", async () => {
        await createInChannel([
          seed(2, { title: "Linen Shirt", metadata: { brand: "Linea", season: "summer" }, colors: ["Sand"], material: "Linen" }),
        ])
        const { data, status } = await api.get("/admin/aliexpress/sources", admin)
        expect(status).toBe(200)
        expect(data.sampled_products).toBe(2)
        const source = (path: string) => data.sources.find((s: any) => s.path === path)
        expect(source("title")).toMatchObject({ label: "Title", group: "product", products: 2 })
        expect(source("title").examples.sort()).toEqual(["Classic Cotton Tee 1", "Linen Shirt"])
        expect(source("metadata.brand").examples.sort()).toEqual(["Acme", "Linea"])
        expect(source("metadata.season")).toMatchObject({ label: "Metadata: season", examples: ["summer"], products: 1 })
        expect(source("variant.option.Color").examples).toEqual(expect.arrayContaining(["Sand"]))
        expect(source("variant.option.Size").examples).toEqual(expect.arrayContaining(["M", "L"]))
        expect(source("variant.sku").examples.length).toBeGreaterThan(0)
        expect(source("variant.price.usd").examples).toEqual(["19.99"])
        expect(source("material").examples.sort()).toEqual(["Cotton", "Linen"])
        expect(source("weight").where).toBe("Product > Attributes > Weight")
        for (const path of ["categories.name", "collection", "type", "tags", "images[0]"]) {
          expect(source(path)).toBeDefined()
        }
      })

      it("samples a bounded number of products, newest first, and names a bad parameter", async () => {
        // One at a time: ids made in the same millisecond have no order between them.
        await createInChannel([seed(2, { title: "Second Tee" })])
        await sleep(20)
        await createInChannel([seed(3, { title: "Third Tee" })])
        const { data } = await api.get("/admin/aliexpress/sources?sample=1", admin)
        expect(data).toMatchObject({ sampled_products: 1, sample_limit: 1 })
        expect(data.sources.find((s: any) => s.path === "title").examples).toEqual(["Third Tee"])

        const bad = await api.get("/admin/aliexpress/sources?sample=100000", admin).catch((e: any) => e.response)
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/sample: sample must be at most 500/)
        const anonymous = await api.get("/admin/aliexpress/sources").catch((e: any) => e.response)
        expect(anonymous.status).toBe(401)
      })
    })

    describe("GET /admin/aliexpress/activity", () => {
      it("counts today's posted listings, imported orders and pushed shipments after a real sync, import and shipment", async () => {
        const before = (await api.get("/admin/aliexpress/activity", admin)).data.activity
        expect(before.series).toHaveLength(30)
        expect(before.to).toBe(activityDay(new Date()))
        expect(before.totals).toEqual({
          orders_imported: 0,
          listings_posted: 0,
          listings_updated: 0,
          listings_failed: 0,
          shipments_pushed: 0,
          shipments_failed: 0,
        })

        // A real sync: the template, one new channel product posted to the sandbox.
        const base = defaultTemplate("Tees")
        await api.post(
          "/admin/aliexpress/templates",
          {
            name: "Tees",
            is_default: true,
            fields: {
              ...base.fields,
              category_id: { source: "constant", value: 200000346 },
              freight_template_id: { source: "constant", value: 1000 },
              service_template_id: { source: "constant", value: 1001001 },
            },
          },
          admin
        )
        const [posted] = await createInChannel([seed(5, { title: "Activity Tee" })])
        await waitFor(async () => {
          const { data } = await api.get(`/admin/aliexpress/listings/${posted.id}`, admin).catch((e: any) => e.response)
          return data?.listing?.ae_product_id
        }, 90000)

        // A real import: an order placed in the sandbox for the prepared product's SKU.
        const aeOrderId = await placeSandboxOrder(sandbox.url, [{ sku_code: prepared.variants[0].sku, quantity: 1 }])
        await api.post("/admin/aliexpress/orders/import", {}, admin)
        const { data: orders } = await api.get(`/admin/aliexpress/orders?q=${aeOrderId}`, admin)
        expect(orders.orders[0].status).toBe("imported")

        // A real shipment: fulfilled and shipped in Medusa, pushed to the sandbox.
        const orderId = orders.orders[0].order_id
        const { data: detail } = await api.get(`/admin/orders/${orderId}?fields=*items`, admin)
        const items = detail.order.items.map((i: any) => ({ id: i.id, quantity: i.quantity }))
        const { data: fulfilled } = await api.post(`/admin/orders/${orderId}/fulfillments?fields=fulfillments.id`, { items }, admin)
        await api.post(
          `/admin/orders/${orderId}/fulfillments/${fulfilled.order.fulfillments[0].id}/shipments`,
          { items, labels: [{ tracking_number: "1Z999AA10123456784", tracking_url: "#", label_url: "#" }] },
          admin
        )
        await waitFor(async () => (await sandboxControl(sandbox.url, "/state")).orders.find((o: any) => String(o.order_id) === aeOrderId)?.shipments?.length, 30000)

        const activity = await waitFor(async () => {
          const { data } = await api.get("/admin/aliexpress/activity", admin)
          const t = data.activity.totals
          return t.listings_posted >= 1 && t.orders_imported === 1 && t.shipments_pushed === 1 && data.activity
        }, 30000)
        const today = activity.series[activity.series.length - 1]
        expect(today).toMatchObject({ day: activityDay(new Date()), orders_imported: 1, shipments_pushed: 1, shipments_failed: 0 })
        expect(today.listings_posted).toBeGreaterThanOrEqual(1)
        expect(activity.series.slice(0, -1).every((d: any) => d.orders_imported === 0 && d.listings_posted === 0)).toBe(true)

        const week = (await api.get("/admin/aliexpress/activity?days=7", admin)).data.activity
        expect(week.series).toHaveLength(7)
        expect(week.totals.orders_imported).toBe(1)
        const bad = await api.get("/admin/aliexpress/activity?days=0", admin).catch((e: any) => e.response)
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/days: days must be at least 1/)
      })
    })
  },
})
