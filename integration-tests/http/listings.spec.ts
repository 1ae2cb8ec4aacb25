import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { updateInventoryLevelsWorkflow, updateProductVariantsWorkflow } from "@medusajs/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { startSandbox, type SandboxHandle } from "../../src/sandbox"
import { defaultTemplate } from "../../src/lib/mapping"
import { createAdminHeaders } from "../helpers/admin-auth"
import { connectSandbox, sandboxControl, SANDBOX_APP_KEY, SANDBOX_APP_SECRET } from "../helpers/connect-sandbox"
import { startImageServer } from "../helpers/image-server"
import { listingSyncRunner } from "../../src/runners/listing-sync"
import { ORDER_IMPORTED_EVENT } from "../../src/lib/orders/constants"
import { createSeedProducts, sampleProductSeed, setupUsStore, type ProductSeed } from "../../scripts/lib/store-setup"

jest.setTimeout(240 * 1000)
process.env.ALIEXPRESS_SYNC_DEBOUNCE_MS = "150"
process.env.ALIEXPRESS_SYNC_MIN_GAP_MS = "150"
process.env.ALIEXPRESS_SYNC_AFTER_MARKETPLACE_ORDER_MS = "1000"

const POST = "aliexpress.solution.product.post"
const EDIT = "aliexpress.solution.product.edit"
const PRICE = "aliexpress.solution.batch.product.price.update"
const STOCK = "aliexpress.solution.batch.product.inventory.update"
const UPLOAD = "aliexpress.photobank.redefining.uploadimageforsdk"
const OFFLINE = "aliexpress.postproduct.redefining.offlineaeproduct"
const ONLINE = "aliexpress.postproduct.redefining.onlineaeproduct"
const WRITES = [POST, EDIT, PRICE, STOCK, UPLOAD, OFFLINE, ONLINE]

let sandbox: SandboxHandle
let images: Awaited<ReturnType<typeof startImageServer>>

beforeAll(async () => {
  images = await startImageServer()
  sandbox = await startSandbox({
    port: 0,
    appKey: SANDBOX_APP_KEY,
    appSecret: SANDBOX_APP_SECRET,
    auditDelayMs: 100,
    rejectWords: ["counterfeit"],
    rateLimitPerSecond: 1000,
  })
})

afterAll(async () => {
  await sandbox?.stop()
  await images?.stop()
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function waitFor<T>(what: string, fn: () => Promise<T | undefined | null | false>, timeoutMs = 60000): Promise<T> {
  const end = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < end) {
    try {
      const v = await fn()
      if (v) return v as T
    } catch (e) {
      last = e
    }
    await sleep(100)
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ""}`)
}

const state = () => sandboxControl(sandbox.url, "/state")
const calls = async () => (await state()).calls as Record<string, number>
const writesOf = (c: Record<string, number>) => Object.fromEntries(WRITES.map((m) => [m, c[m] ?? 0]))

function templateBody(overrides: Record<string, unknown> = {}) {
  const base = defaultTemplate("Tees")
  return {
    name: "Tees",
    is_default: true,
    fields: {
      ...base.fields,
      category_id: { source: "constant", value: 200000346 },
      freight_template_id: { source: "constant", value: 1000 },
      service_template_id: { source: "constant", value: 1001001 },
      ...overrides,
    },
  }
}

medusaIntegrationTestRunner({
  inApp: true,
  env: { ALIEXPRESS_SYNC_DEBOUNCE_MS: "150", ALIEXPRESS_SYNC_MIN_GAP_MS: "150", ALIEXPRESS_SYNC_AFTER_MARKETPLACE_ORDER_MS: "1000" },
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let store: Awaited<ReturnType<typeof setupUsStore>>
    let account: any

    const seed = (i: number, overrides: Partial<ProductSeed> = {}) =>
      sampleProductSeed(i, {
        images: [`${images.url}/tee-${i}-front.jpg`, `${images.url}/tee-${i}-back.png`],
        ...overrides,
      })

    const createInChannel = async (seeds: ProductSeed[]) =>
      createSeedProducts(getContainer(), seeds, {
        salesChannelIds: [account.sales_channel_id],
        shippingProfileId: store.shippingProfileId,
        stockLocationId: store.stockLocationId,
      })

    const listingOf = async (productId: string) =>
      (await api.get(`/admin/aliexpress/listings/${productId}`, admin).catch((e: any) => e.response)).data.listing

    const syncNow = async (body: Record<string, unknown> = {}) => {
      const res = await api.post("/admin/aliexpress/sync", body, admin)
      expect(res.status).toBe(202)
      return waitFor("the sync run to finish", async () => {
        const { data } = await api.get("/admin/aliexpress/sync", admin)
        const p = data.progress
        return p && p.state !== "running" && Date.parse(p.started_at) >= started - 5 && p
      })
    }
    let started = 0

    beforeEach(async () => {
      await sandboxControl(sandbox.url, "/reset", { seed: "demo" })
      admin = await createAdminHeaders(getContainer(), api)
      store = await setupUsStore(getContainer())
      account = await connectSandbox(getContainer(), api, admin, sandbox.url, { stock_location_ids: [store.stockLocationId] })
      const res = await api.post("/admin/aliexpress/templates", templateBody(), admin)
      expect(res.status).toBe(201)
      started = Date.now()
    })

    afterEach(async () => {
      // Let runs started by this test's events end before the database is restored.
      await sleep(400)
      await Promise.race([listingSyncRunner.whenIdle(), sleep(60000)])
    })

    it("lists a channel product with the mapped fields, sends a price and a stock change in one batch call each, resyncs for free, and takes it offline", async () => {
      const [product] = await createInChannel([seed(1)])

      const listed = await waitFor("the listing to be posted", async () => {
        const l = await listingOf(product.id)
        return l?.ae_product_id && l
      })
      expect(["auditing", "live"]).toContain(listed.status)
      expect(listed.problems).toEqual([])

      let ae = (await state()).products.find((p: any) => p.product_id === listed.ae_product_id)
      expect(ae.subject).toBe("Classic Cotton Tee 1")
      expect(ae.skus.map((s: any) => s.sku_code).sort()).toEqual(["TEE1-BLUE-L", "TEE1-BLUE-M", "TEE1-RED-L", "TEE1-RED-M"])
      expect(ae.skus.every((s: any) => Number(s.price) === 19.99 && s.inventory === 10)).toBe(true)
      expect((await state()).products).toHaveLength(1)

      // The audit ends; the next run reads the verdict back.
      await sleep(200)
      await syncNow()
      await waitFor("live", async () => (await listingOf(product.id)).status === "live")

      const before = writesOf(await calls())
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: variants } = await query.graph({
        entity: "product_variant",
        fields: ["id", "sku", "inventory_items.inventory_item_id"],
        filters: { product_id: product.id },
      })
      const red = variants.find((v: any) => v.sku === "TEE1-RED-M")
      await updateProductVariantsWorkflow(getContainer()).run({
        input: { product_variants: [{ id: red.id, prices: [{ amount: 24.5, currency_code: "usd" }] }] },
      })
      await waitFor("the price update", async () => (await calls())[PRICE] === before[PRICE] + 1)
      await sleep(500)
      ae = (await state()).products[0]
      expect(ae.skus.find((s: any) => s.sku_code === "TEE1-RED-M").price).toBe("24.50")
      expect(writesOf(await calls())).toEqual({ ...before, [PRICE]: before[PRICE] + 1 })

      const afterPrice = writesOf(await calls())
      await updateInventoryLevelsWorkflow(getContainer()).run({
        input: {
          updates: [
            { inventory_item_id: red.inventory_items[0].inventory_item_id, location_id: store.stockLocationId, stocked_quantity: 7 },
          ],
        },
      })
      await waitFor("the stock update", async () => (await calls())[STOCK] === afterPrice[STOCK] + 1)
      await sleep(500)
      ae = (await state()).products[0]
      expect(ae.skus.find((s: any) => s.sku_code === "TEE1-RED-M").inventory).toBe(7)
      expect(writesOf(await calls())).toEqual({ ...afterPrice, [STOCK]: afterPrice[STOCK] + 1 })

      // Nothing changed: a full resync costs no write call.
      const steady = writesOf(await calls())
      started = Date.now()
      const progress = await syncNow()
      expect(progress.state).toBe("done")
      expect(progress.done).toBeGreaterThanOrEqual(1)
      expect(writesOf(await calls())).toEqual(steady)

      // An imported AliExpress order names its products in its event (its reservation emits no
      // stock event). AliExpress lowered its own stock for it, so the stock is sent again even
      // though Medusa's ruled quantity did not change; gathered for a while, not per order.
      await listingSyncRunner.whenIdle()
      started = Date.now()
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      for (const ae_order_id of ["3000000001", "3000000002"]) {
        await bus.emit({
          name: ORDER_IMPORTED_EVENT,
          data: { ae_order_id, order_id: null, outcome: "imported", variant_ids: [red.id], product_ids: [product.id] },
        })
      }
      const afterOrder = await waitFor("a run started by the imported orders", async () => {
        const p = (await api.get("/admin/aliexpress/sync", admin)).data.progress
        return p && p.state === "done" && Date.parse(p.started_at) >= started - 5 && p
      })
      expect(afterOrder.done).toBe(1)
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
      expect(writesOf(await calls())).toEqual({ ...steady, [STOCK]: steady[STOCK] + 1 })

      // Out of the channel: offline on AliExpress.
      await api.post(`/admin/products/${product.id}`, { sales_channels: [] }, admin)
      await waitFor("offline", async () => (await listingOf(product.id)).status === "offline")
      expect((await state()).products[0].status).toBe("offline")

      const overview = (await api.get("/admin/aliexpress/listings/overview", admin)).data.overview
      expect(overview.by_status.offline).toBe(1)
      const list = (await api.get("/admin/aliexpress/listings?status=offline&q=tee1-red", admin)).data
      expect(list.count).toBe(1)
    })

    it("\"Sync now\" takes offline the listing of a product that left the channel unseen, and only that one", async () => {
      const products = await createInChannel([seed(11), seed(12), seed(13)])
      const listedAll = async () => (await Promise.all(products.map((p) => listingOf(p.id)))).every((l) => l?.ae_product_id)
      await waitFor("three listings posted", listedAll)
      await listingSyncRunner.whenIdle()

      // Unlinked through the link module, which tells the plugin nothing: only a full sync,
      // which compares the channel with the listings, can see it. The middle one by id, so it
      // lies between products the channel still has.
      const [, gone] = [...products].sort((a, b) => (a.id < b.id ? -1 : 1))
      await getContainer()
        .resolve(ContainerRegistrationKeys.LINK)
        .dismiss({ [Modules.PRODUCT]: { product_id: gone.id }, [Modules.SALES_CHANNEL]: { sales_channel_id: account.sales_channel_id } })
      await listingSyncRunner.whenIdle()
      expect((await listingOf(gone.id)).status).not.toBe("offline")
      const before = await calls()
      started = Date.now()
      const progress = await syncNow()

      expect(progress.state).toBe("done")
      expect((await listingOf(gone.id)).status).toBe("offline")
      const kept = await Promise.all(products.filter((p) => p.id !== gone.id).map((p) => listingOf(p.id)))
      expect(kept.map((l) => l.status).every((status) => ["auditing", "live"].includes(status))).toBe(true)
      const after = await calls()
      expect((after[OFFLINE] ?? 0) - (before[OFFLINE] ?? 0)).toBe(1)
      expect((after[POST] ?? 0) - (before[POST] ?? 0)).toBe(0)
    })

    it("never sends an invalid product, shows its problems with hints, and previews the payload", async () => {
      const longTitle = "Super Soft Organic Cotton Crew Neck T-Shirt ".repeat(4).trim().slice(0, 150)
      const seven = Array.from({ length: 7 }, (_, k) => `${images.url}/bad-${k}.jpg`)
      const [bad, scripted] = await createInChannel([
        seed(2, { title: longTitle, images: seven }),
        seed(3, { description: `<p>Nice tee</p><script>alert("x")</script>` }),
      ])

      const invalid = await waitFor("the invalid listing", async () => {
        const l = await listingOf(bad.id)
        return l?.status === "invalid" && l
      })
      const fields = invalid.problems.map((p: any) => p.field)
      expect(fields).toEqual(expect.arrayContaining(["subject", "images"]))
      for (const p of invalid.problems) {
        expect(p.hint).toBeTruthy()
        expect(p.origin).toBe("validation")
      }
      expect(invalid.ae_product_id).toBeNull()

      const ok = await waitFor("the scripted one listed", async () => {
        const l = await listingOf(scripted.id)
        return l?.ae_product_id && l
      })
      expect(ok.problems).toEqual([])
      const products = (await state()).products
      expect(products).toHaveLength(1)
      expect((await calls())[POST]).toBe(1)

      const preview = (await api.post("/admin/aliexpress/preview", { product_id: scripted.id }, admin)).data.preview
      expect(preview.valid).toBe(true)
      expect(preview.payload.multi_language_description_list[0].web_detail).toContain("Nice tee")
      expect(preview.payload.multi_language_description_list[0].web_detail).not.toContain("script")
      expect(preview.payload.aliexpress_category_id).toBe(200000346)

      const badPreview = (await api.post("/admin/aliexpress/preview", { product_id: bad.id }, admin)).data.preview
      expect(badPreview.valid).toBe(false)
      expect(badPreview.payload.multi_language_subject_list[0].subject).toHaveLength(150)
      expect(badPreview.problems.map((p: any) => p.field)).toContain("subject")
      // Six photos at most go to AliExpress, and the seventh is reported, not silently dropped.
      expect(badPreview.payload.main_image_urls_list).toHaveLength(6)
      expect(badPreview.problems.find((p: any) => p.field === "images").message).toContain("7 images")

      const missing = await api.post("/admin/aliexpress/preview", {}, admin).catch((e: any) => e.response)
      expect(missing.status).toBe(400)
      expect(missing.data.message).toContain("product_id")

      const problems = (await api.get("/admin/aliexpress/listings?has_problems=true", admin)).data
      expect(problems.listings.map((l: any) => l.product_id)).toEqual([bad.id])
    })

    it("posts once when AliExpress commits a post and the answer is lost", async () => {
      // A first product puts the pictures in the image bank, so only the post meets the fault.
      const [first] = await createInChannel([seed(4)])
      await waitFor("the first listing", async () => (await listingOf(first.id))?.ae_product_id)

      await sandboxControl(sandbox.url, "/faults", { lose_response_rate: 1 })
      const [second] = await createInChannel([seed(5, { images: seed(4).images })])
      const failed = await waitFor("the ambiguous failure", async () => {
        const l = await listingOf(second.id)
        return l?.status === "error" && l
      })
      expect(failed.ae_product_id).toBeNull()
      expect(failed.last_error).toBeTruthy()
      await sandboxControl(sandbox.url, "/faults", {})

      started = Date.now()
      await syncNow({ product_ids: [second.id] })
      const bound = await waitFor("the lost product bound", async () => (await listingOf(second.id))?.ae_product_id && (await listingOf(second.id)))
      const withSkus = (await state()).products.filter((p: any) => p.skus.some((s: any) => s.sku_code.startsWith("TEE5-")))
      expect(withSkus).toHaveLength(1)
      expect(withSkus[0].product_id).toBe(bound.ae_product_id)
      expect((await state()).products).toHaveLength(2)
    })

    it("retries within seconds, with no sync asked for, a run and a post that failed in transport, and links the listing to its product", async () => {
      const progressState = async () => (await api.get("/admin/aliexpress/sync", admin)).data.progress?.state
      // AliExpress unreachable from the first call: the whole run fails, its product stays queued.
      await sandboxControl(sandbox.url, "/faults", { error_rate: 1 })
      const [first] = await createInChannel([seed(7)])
      await waitFor("the failed run", async () => (await progressState()) === "failed")
      expect((await listingOf(first.id)).ae_product_id).toBeNull()
      await sandboxControl(sandbox.url, "/faults", {})
      // Neither "sync now" nor the reconcile: the runner runs again once its back-off ends.
      const firstListed = await waitFor("the run retried by the runner", async () => (await listingOf(first.id))?.ae_product_id, 45000)
      expect(firstListed).toBeTruthy()

      // The run goes through but the post fails: the listing shows the error and is retried alone.
      await sandboxControl(sandbox.url, "/faults", { error_rate: 1 })
      const [product] = await createInChannel([seed(8, { images: seed(7).images })])
      const failed = await waitFor("the transport failure", async () => {
        const l = await listingOf(product.id)
        return l?.status === "error" && l
      })
      expect(failed.ae_product_id).toBeNull()
      expect(new Date(failed.next_attempt_at).getTime() - Date.now()).toBeLessThan(30000)
      await sandboxControl(sandbox.url, "/faults", {})
      const retried = await waitFor("the post retried by the runner", async () => (await listingOf(product.id))?.ae_product_id && (await listingOf(product.id)), 45000)
      expect(["auditing", "live"]).toContain(retried.status)
      expect(retried.last_error).toBeNull()
      expect((await state()).products.filter((p: any) => p.product_id === retried.ae_product_id)).toHaveLength(1)

      // The read-only links let query.graph cross from a product to its listings and back.
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: products } = await query.graph({
        entity: "product",
        fields: ["id", "aliexpress_listings.id", "aliexpress_listings.ae_product_id", "aliexpress_listings.status"],
        filters: { id: product.id },
      })
      expect(products[0].aliexpress_listings).toEqual([
        expect.objectContaining({ id: retried.id, ae_product_id: retried.ae_product_id }),
      ])
      const { data: listings } = await query.graph({
        entity: "aliexpress_listing",
        fields: ["id", "product.id", "product.title"],
        filters: { id: retried.id },
      })
      expect(listings[0].product).toMatchObject({ id: product.id, title: product.title })
    })

    it("shows AliExpress' audit rejection with its reason", async () => {
      const [product] = await createInChannel([seed(6, { title: "Counterfeit Cotton Tee" })])
      await waitFor("posted", async () => (await listingOf(product.id))?.ae_product_id)
      await sleep(200)
      started = Date.now()
      await syncNow()
      const rejected = await waitFor("rejected", async () => {
        const l = await listingOf(product.id)
        return l.status === "rejected" && l
      })
      expect(rejected.audit_reason).toMatch(/counterfeit/i)
      expect(rejected.problems[0]).toMatchObject({ origin: "marketplace" })
      expect(rejected.problems[0].message).toMatch(/counterfeit/i)
    })

    it("validates templates and lookup lists naming the field, and keeps CRUD working", async () => {
      const badPath = await api
        .post("/admin/aliexpress/templates", templateBody({ subject: { source: "attribute", path: "no.such.thing" } }), admin)
        .catch((e: any) => e.response)
      expect(badPath.status).toBe(400)
      expect(badPath.data.message).toContain("fields.subject")

      const unknownField = await api
        .post("/admin/aliexpress/templates", { ...templateBody(), fields: { colour_of_sky: { source: "constant", value: 1 } } }, admin)
        .catch((e: any) => e.response)
      expect(unknownField.status).toBe(400)
      expect(unknownField.data.message).toContain("colour_of_sky")

      const created = await api.post("/admin/aliexpress/templates", { ...templateBody(), name: "Second", is_default: false }, admin)
      const id = created.data.template.id
      const updated = await api.post(`/admin/aliexpress/templates/${id}`, { name: "Renamed" }, admin)
      expect(updated.data.template.name).toBe("Renamed")
      const all = (await api.get("/admin/aliexpress/templates", admin)).data
      expect(all.templates.map((t: any) => t.name).sort()).toEqual(["Renamed", "Tees"])
      expect(all.field_definitions.length).toBeGreaterThan(10)
      await api.delete(`/admin/aliexpress/templates/${id}`, admin)
      expect((await api.get("/admin/aliexpress/templates", admin)).data.templates).toHaveLength(1)

      const noName = await api.post("/admin/aliexpress/lookup-lists", { name: "", entries: [] }, admin).catch((e: any) => e.response)
      expect(noName.status).toBe(400)
      expect(noName.data.message).toContain("name")
      const badEntry = await api
        .post("/admin/aliexpress/lookup-lists", { name: "categories", entries: [{ from: "tees" }] }, admin)
        .catch((e: any) => e.response)
      expect(badEntry.status).toBe(400)
      expect(badEntry.data.message).toContain("entries.0.to")

      const list = await api.post("/admin/aliexpress/lookup-lists", { name: "categories", entries: [{ from: "tees", to: "200000346" }] }, admin)
      expect(list.status).toBe(201)
      const dup = await api.post("/admin/aliexpress/lookup-lists", { name: "categories", entries: [] }, admin).catch((e: any) => e.response)
      expect(dup.status).toBeGreaterThanOrEqual(400)
      expect(dup.data.message).toContain("name")
      const lid = list.data.lookup_list.id
      const changed = await api.post(`/admin/aliexpress/lookup-lists/${lid}`, { entries: [{ from: "tees", to: "200000347" }] }, admin)
      expect(changed.data.lookup_list.entries).toEqual([{ from: "tees", to: "200000347" }])
      await api.delete(`/admin/aliexpress/lookup-lists/${lid}`, admin)
      expect((await api.get("/admin/aliexpress/lookup-lists", admin)).data.lookup_lists).toHaveLength(0)

      const cats = (await api.get("/admin/aliexpress/categories?parent_id=0", admin)).data.categories
      expect(cats.map((c: any) => c.name)).toContain("Apparel & Accessories")
      const freight = (await api.get("/admin/aliexpress/reference/freight-templates", admin)).data.freight_templates
      expect(freight.map((f: any) => String(f.id))).toContain("1000")
      const logistics = (await api.get("/admin/aliexpress/reference/logistics-services", admin)).data.logistics_services
      expect(logistics.length).toBeGreaterThan(0)
    })

    it("binds existing AliExpress products by SKU instead of posting them again, and lists the unmatched", async () => {
      const [product, other] = await createInChannel([seed(7), seed(8)])
      const first = await waitFor("posted", async () => (await listingOf(product.id))?.ae_product_id && (await listingOf(product.id)))
      await waitFor("other posted", async () => (await listingOf(other.id))?.ae_product_id)

      await sleep(400)
      await listingSyncRunner.whenIdle()
      // A fresh connection: the plugin forgets its listings; AliExpress still has the products.
      const service: any = getContainer().resolve("aliexpress")
      const rows = await service.listAliExpressListings({})
      await service.deleteAliExpressListings(rows.map((r: any) => r.id))
      await service.updateAliExpressAccounts({ id: account.id, existing_listings_imported_at: null })
      // And one product on AliExpress that no Medusa product carries.
      const client = service.getClient(await service.requireAccount())
      const payload = first.last_payload
      const orphan = await client.postProduct({
        ...payload,
        multi_language_subject_list: [{ language: "en", subject: "Orphan" }],
        sku_info_list: payload.sku_info_list.map((s: any, k: number) => ({ ...s, sku_code: `ORPHAN-${k}` })),
      })
      const postsBefore = (await calls())[POST]

      const imported = (await api.post("/admin/aliexpress/listings/import-existing", {}, admin)).data.import
      expect(imported).toMatchObject({ bound: 2, unmatched: 1 })
      expect((await listingOf(product.id)).ae_product_id).toBe(first.ae_product_id)

      const unmatched = (await api.get("/admin/aliexpress/listings/unmatched", admin)).data.unmatched
      expect(unmatched.map((u: any) => u.ae_product_id)).toEqual([orphan.productId])

      await service.softDeleteAliExpressListings((await service.listAliExpressListings({ product_id: other.id })).map((r: any) => r.id))
      const bound = await api.post(`/admin/aliexpress/listings/unmatched/${orphan.productId}/bind`, { product_id: other.id }, admin)
      expect(bound.data.listing.product_id).toBe(other.id)
      expect((await api.get("/admin/aliexpress/listings/unmatched", admin)).data.unmatched).toHaveLength(0)

      await sleep(1000)
      expect((await calls())[POST]).toBe(postsBefore)
      expect((await state()).products).toHaveLength(3)
    })

    it("bulk-creating 20 products while connected costs one post each, one upload per distinct picture and a few reads", async () => {
      // Let the run started by the template save (the existing-products import) end first.
      await sleep(300)
      await listingSyncRunner.whenIdle()
      const before = await calls()
      const products = await createInChannel(Array.from({ length: 20 }, (_, i) => seed(300 + i)))
      const service: any = getContainer().resolve("aliexpress")
      const ids = products.map((p: any) => p.id)
      await waitFor("all 20 listed", async () => {
        const rows = await service.listAliExpressListings({ product_id: ids }, { select: ["id", "ae_product_id"] })
        return rows.filter((r: any) => r.ae_product_id).length === 20
      })
      // The product, variant and stock events of the creation (over a hundred) come and go.
      await sleep(1500)
      await listingSyncRunner.whenIdle()

      const after = await calls()
      const used = Object.fromEntries(Object.keys(after).map((m) => [m, after[m] - (before[m] ?? 0)]).filter(([, n]) => n))
      const distinctImages = (await service.listAliExpressImages({})).length
      const listingReads = Object.entries(used)
        .filter(([m]) => m !== POST && m !== UPLOAD && !/order|logistics/.test(m))
        .reduce((n, [, c]) => n + (c as number), 0)
      expect(used[POST]).toBe(20)
      expect(used[UPLOAD]).toBe(distinctImages)
      // No status read per event: products just posted are not asked about again.
      expect(used["aliexpress.solution.product.info.get"] ?? 0).toBe(0)
      // The constant: the first run of a new connection lists what the seller already sells (one
      // product list per status) and reads the freight and service templates once.
      expect(listingReads).toBeLessThanOrEqual(8)
      expect((await state()).products).toHaveLength(20)
    })

    it("a run that loses its credentials mid-batch puts the unsent listings back on the queue as errors, and keeps the posted ones", async () => {
      await sleep(300)
      await listingSyncRunner.whenIdle()
      const service: any = getContainer().resolve("aliexpress")
      // Slow answers spread the batch over time, so the credentials can lapse in the middle of it.
      await sandboxControl(sandbox.url, "/faults", { latency_ms: 400 })
      const products = await createInChannel(Array.from({ length: 8 }, (_, i) => seed(400 + i)))
      await waitFor("the first post", async () => (await state()).products.length >= 1, 60000)
      // Past both token lifetimes: AliExpress now refuses the seller's tokens, refresh included.
      await sandboxControl(sandbox.url, "/clock", { advance_ms: 400 * 24 * 3600 * 1000 })
      await waitFor("the run to stop", async () => (await service.requireAccount()).status !== "connected", 60000)
      await sleep(300)
      await listingSyncRunner.whenIdle()
      await sandboxControl(sandbox.url, "/faults", {})

      const onAliExpress = new Set((await state()).products.map((p: any) => p.product_id))
      const rows = await service.listAliExpressListings({ product_id: products.map((p: any) => p.id) })
      expect(rows).toHaveLength(8)
      const posted = rows.filter((r: any) => r.ae_product_id)
      const unsent = rows.filter((r: any) => !r.ae_product_id)
      expect(posted.length).toBeGreaterThanOrEqual(1)
      expect(unsent.length).toBeGreaterThanOrEqual(1)
      // Every product AliExpress created is bound to its listing, and only once.
      expect(posted.map((r: any) => r.ae_product_id).sort()).toEqual([...onAliExpress].sort())
      for (const r of posted) {
        expect(r.status).toBe("auditing")
      }
      // The rest is visible and queued again, not stuck in "pending".
      for (const r of unsent) {
        expect(r.status).toBe("error")
        expect(r.last_error).toBeTruthy()
        expect(r.sync_requested_at).not.toBeNull()
        expect(r.next_attempt_at).not.toBeNull()
      }
    })

    it("measures the calls of a first sync of 100 products", async () => {
      // Products made while the account is disconnected: the first sync is all that talks to AliExpress.
      const service: any = getContainer().resolve("aliexpress")
      await service.disconnect(account.id)
      await createInChannel(Array.from({ length: 100 }, (_, i) => seed(100 + i)))
      await sleep(500)
      await listingSyncRunner.whenIdle()
      // Reset first: stock events of the creation arriving late may start a run as soon as the
      // account connects, and its posts must count too.
      await sandboxControl(sandbox.url, "/reset", { seed: "demo" })
      account = await connectSandbox(getContainer(), api, admin, sandbox.url)

      const t0 = Date.now()
      started = t0
      const progress = await syncNow()
      const seconds = (Date.now() - t0) / 1000
      expect(progress.state).toBe("done")
      await sleep(300)
      await listingSyncRunner.whenIdle()
      const rows = await service.listAliExpressListings({}, { select: ["id", "ae_product_id", "status", "last_error", "problems", "sync_requested_at"] })
      expect(rows).toHaveLength(100)
      // Every product listed; anything else shows why.
      expect(rows.filter((r: any) => !r.ae_product_id).map((r: any) => ({ status: r.status, last_error: r.last_error, problems: r.problems, queued: r.sync_requested_at }))).toEqual([])

      // Order import polls on its own schedule: only the listing calls are counted.
      const c = Object.fromEntries(Object.entries(await calls()).filter(([m]) => !/\.order\./.test(m)))
      const total = Object.values(c).reduce((a, b) => a + b, 0)
      const distinctImages = (await service.listAliExpressImages({})).length
      // eslint-disable-next-line no-console
      console.log(`first sync of 100 products: ${total} calls in ${seconds.toFixed(1)} s ${JSON.stringify(c)}; distinct images ${distinctImages}`)
      expect(c[POST]).toBe(100)
      expect(c[UPLOAD]).toBe(distinctImages)
      // The lower bound: a post per product, an upload per picture, and one attribute read per category.
      expect(c["aliexpress.solution.sku.attribute.query"]).toBe(1)
      expect(total).toBeLessThanOrEqual(Math.ceil(1.05 * (100 + distinctImages + 1)))
    })
  },
})
