import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { startSandbox, type SandboxHandle } from "../../src/sandbox"
import { defaultTemplate } from "../../src/lib/mapping"
import { createAdminHeaders } from "../helpers/admin-auth"
import { connectSandbox, sandboxControl, SANDBOX_APP_KEY, SANDBOX_APP_SECRET } from "../helpers/connect-sandbox"
import { startImageServer } from "../helpers/image-server"
import { ListingSyncRunners, listingSyncRunner } from "../../src/runners/listing-sync"
import { ALIEXPRESS_MODULE } from "../../src/modules/aliexpress"
import type AliExpressModuleService from "../../src/modules/aliexpress/service"
import { syncListingsBatchWorkflow } from "../../src/workflows/listings/workflows/sync-listings-batch"
import { submitListingFeedWorkflow } from "../../src/workflows/listings/workflows/listing-feeds"
import { createSeedProducts, sampleProductSeed, setupUsStore } from "../../scripts/lib/store-setup"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

jest.setTimeout(240 * 1000)
// Three products make a bulk change here, so five products take the feed path and two do not.
const FEED_THRESHOLD = "3"
// Pages of two, so a sync of five is a large run: its unchanged listings are settled before the pages.
const BATCH_SIZE = "2"
process.env.ALIEXPRESS_SYNC_DEBOUNCE_MS = "150"
process.env.ALIEXPRESS_SYNC_MIN_GAP_MS = "150"
process.env.ALIEXPRESS_FEED_THRESHOLD = FEED_THRESHOLD
process.env.ALIEXPRESS_SYNC_BATCH_SIZE = BATCH_SIZE

const PRICE = "aliexpress.solution.batch.product.price.update"
const STOCK = "aliexpress.solution.batch.product.inventory.update"
const SUBMIT = "aliexpress.solution.feed.submit"
const QUERY = "aliexpress.solution.feed.query"

let sandbox: SandboxHandle
let images: Awaited<ReturnType<typeof startImageServer>>

beforeAll(async () => {
  images = await startImageServer()
  sandbox = await startSandbox({
    port: 0,
    appKey: SANDBOX_APP_KEY,
    appSecret: SANDBOX_APP_SECRET,
    auditDelayMs: 100,
    feedDelayMs: 300,
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
const count = (c: Record<string, number>, method: string) => c[method] ?? 0

medusaIntegrationTestRunner({
  inApp: true,
  env: { ALIEXPRESS_SYNC_DEBOUNCE_MS: "150", ALIEXPRESS_SYNC_MIN_GAP_MS: "150", ALIEXPRESS_FEED_THRESHOLD: FEED_THRESHOLD, ALIEXPRESS_SYNC_BATCH_SIZE: BATCH_SIZE },
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let store: Awaited<ReturnType<typeof setupUsStore>>
    let account: any
    let started = 0

    const listingOf = async (productId: string) => (await api.get(`/admin/aliexpress/listings/${productId}`, admin)).data.listing
    const aeProduct = async (aeProductId: string) => (await state()).products.find((p: any) => p.product_id === aeProductId)

    const syncNow = async (body: Record<string, unknown> = {}) => {
      await listingSyncRunner.whenIdle()
      started = Date.now()
      const res = await api.post("/admin/aliexpress/sync", body, admin)
      expect(res.status).toBe(202)
      return waitFor("the sync run to finish", async () => {
        const { data } = await api.get("/admin/aliexpress/sync", admin)
        const p = data.progress
        return p && p.state !== "running" && Date.parse(p.started_at) >= started - 5 && p
      })
    }

    /** Five products posted and settled on AliExpress, with their listings. */
    const listFive = async () => {
      const products = await createSeedProducts(
        getContainer(),
        [1, 2, 3, 4, 5].map((i) => sampleProductSeed(i, { images: [`${images.url}/tee-${i}-front.jpg`] })),
        { salesChannelIds: [account.sales_channel_id], shippingProfileId: store.shippingProfileId, stockLocationId: store.stockLocationId }
      )
      const listings = await waitFor("five posted listings", async () => {
        const all = await Promise.all(products.map((p: any) => listingOf(p.id)))
        return all.every((l) => l?.ae_product_id) && all
      })
      await sleep(200)
      await syncNow()
      await listingSyncRunner.whenIdle()
      return { products, listings: listings as any[] }
    }

    const priceOf = async (aeProductId: string) => Number((await aeProduct(aeProductId)).skus[0].price)

    beforeEach(async () => {
      await sandboxControl(sandbox.url, "/reset", { seed: "demo" })
      await sandboxControl(sandbox.url, "/config", { feedDelayMs: 300 })
      admin = await createAdminHeaders(getContainer(), api)
      store = await setupUsStore(getContainer())
      account = await connectSandbox(getContainer(), api, admin, sandbox.url, { stock_location_ids: [store.stockLocationId] })
      const base = defaultTemplate("Tees")
      const res = await api.post(
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
      expect(res.status).toBe(201)
    })

    afterEach(async () => {
      await sleep(400)
      await Promise.race([listingSyncRunner.whenIdle(), sleep(60000)])
    })

    it("sends a price change on more products than the threshold as one feed job, fewer in batch calls, and shows a refused feed item's problem on its listing", async () => {
      const { products, listings } = await listFive()
      const before = await calls()
      const oldPrice = await priceOf(listings[0].ae_product_id)

      // One of them is gone from AliExpress: its feed item is refused.
      const service: AliExpressModuleService = getContainer().resolve(ALIEXPRESS_MODULE)
      const { client } = await service.requireConnectedAccount()
      await client.deleteProducts([listings[4].ae_product_id])

      // Saving the markup starts the sync of every listing at once.
      await listingSyncRunner.whenIdle()
      started = Date.now()
      const saved = await api.post("/admin/aliexpress/settings", { markup_percent: 10 }, admin)
      expect(saved.data.products_to_update).toBe(5)
      const progress = await waitFor("the run the save started", async () => {
        const p = (await api.get("/admin/aliexpress/sync", admin)).data.progress
        return p && p.state !== "running" && Date.parse(p.started_at) >= started - 5 && p
      })
      // Only the markup changed: every listing is priced again from its stored inputs, none mapped.
      expect(progress).toMatchObject({ state: "done", done: 5, repriced: 5, unchanged: 0, feed_jobs: 1 })
      const after = await calls()
      expect(count(after, SUBMIT) - count(before, SUBMIT)).toBe(1)
      expect(count(after, QUERY) - count(before, QUERY)).toBeGreaterThanOrEqual(1)
      expect(count(after, PRICE) - count(before, PRICE)).toBe(0)
      expect(count(after, STOCK) - count(before, STOCK)).toBe(0)

      for (const listing of listings.slice(0, 4)) {
        expect(await priceOf(listing.ae_product_id)).toBeCloseTo(oldPrice * 1.1, 1)
        const row = await listingOf(listing.product_id)
        expect(row.problems).toEqual([])
        expect(row.status).toBe("live")
      }
      const refused = await listingOf(products[4].id)
      expect(refused.problem_count).toBe(1)
      expect(refused.problems[0]).toMatchObject({ origin: "marketplace" })
      expect(refused.problems[0].message).toMatch(/AliExpress refused it/)
      expect(refused.last_error).toBe(refused.problems[0].message)
      // The problems filter finds it, as it finds a refused batch update.
      const { data } = await api.get("/admin/aliexpress/listings?has_problems=true", admin)
      expect(data.listings.map((l: any) => l.product_id)).toEqual([products[4].id])

      // Two products only: below the threshold, one batch call and no feed. (The markup is
      // written straight to the account, so that only the run for two products sends it.)
      await listingSyncRunner.whenIdle()
      await service.updateAliExpressAccounts({ id: account.id, markup_percent: 20 })
      const small = await calls()
      const run = await syncNow({ product_ids: [products[0].id, products[1].id] })
      expect(run.state).toBe("done")
      const end = await calls()
      expect(count(end, PRICE) - count(small, PRICE)).toBe(1)
      expect(count(end, SUBMIT) - count(small, SUBMIT)).toBe(0)
      expect(await priceOf(listings[0].ae_product_id)).toBeCloseTo(oldPrice * 1.2, 1)
      expect(await priceOf(listings[2].ae_product_id)).toBeCloseTo(oldPrice * 1.1, 1)
    })

    it("sends a stock rule change on every product as a feed job of stock updates, repriced from the stored inputs without mapping", async () => {
      const { listings } = await listFive()
      const service: AliExpressModuleService = getContainer().resolve(ALIEXPRESS_MODULE)
      const stockOf = async (aeProductId: string) => (await aeProduct(aeProductId)).skus.map((k: any) => Number(k.inventory))
      const oldStock = await stockOf(listings[0].ae_product_id)
      const before = await calls()
      await listingSyncRunner.whenIdle()
      started = Date.now()
      const saved = await api.post("/admin/aliexpress/settings", { stock_buffer: 1 }, admin)
      expect(saved.data.products_to_update).toBe(5)
      const progress = await waitFor("the run the save started", async () => {
        const p = (await api.get("/admin/aliexpress/sync", admin)).data.progress
        return p && p.state !== "running" && Date.parse(p.started_at) >= started - 5 && p
      })
      expect(progress).toMatchObject({ state: "done", done: 5, repriced: 5, unchanged: 0, feed_jobs: 1 })
      const after = await calls()
      expect(count(after, SUBMIT) - count(before, SUBMIT)).toBe(1)
      expect(count(after, STOCK) - count(before, STOCK)).toBe(0)
      expect(count(after, PRICE) - count(before, PRICE)).toBe(0)
      const [job] = await service.listAliExpressFeedJobs({ account_id: account.id }, { order: { created_at: "DESC" }, take: 1 })
      expect(job).toMatchObject({ status: "finished", operation: "PRODUCT_STOCKS_UPDATE", item_count: 5 })
      expect(await stockOf(listings[0].ae_product_id)).toEqual(oldStock.map((q: number) => Math.max(0, q - 1)))
    })

    it("takes the unchanged listings of a large sync off the queue without a page, with the verdicts of those under review, and still sends a change no event announced", async () => {
      const { products, listings } = await listFive()
      const container = getContainer()
      const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
      // Listings still under review get their verdicts in the pass, as a page would ask for them.
      await service.updateAliExpressListings({ selector: { id: listings.map((l) => l.id) }, data: { status: "auditing", ae_status: "auditing" } })
      expect(await syncNow()).toMatchObject({ state: "done", done: 5, unchanged: 5 })
      for (const product of products) expect((await listingOf(product.id)).status).toBe("live")

      const before = await calls()
      const unchanged = await syncNow()
      expect(unchanged).toMatchObject({ state: "done", done: 5, total: 5, unchanged: 5, repriced: 0, posted: 0, edited: 0 })
      const quiet = await calls()
      for (const method of [PRICE, STOCK, SUBMIT, "aliexpress.solution.product.edit", "aliexpress.solution.product.post"]) {
        expect({ method, calls: count(quiet, method) - count(before, method) }).toEqual({ method, calls: 0 })
      }

      // A price written straight to the database: no event queues the product, the sync finds it.
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: variants } = await query.graph({ entity: "product_variant", fields: ["price_set.id"], filters: { product_id: products[2].id } })
      const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const changed = await knex.raw(
        `update price set amount = 77, raw_amount = jsonb_set(raw_amount, '{value}', '"77"'), updated_at = now()
         where price_set_id = any(?) and currency_code = 'usd' and deleted_at is null`,
        [variants.map((v: any) => v.price_set.id)]
      )
      expect(changed.rowCount).toBeGreaterThan(0)
      const progress = await syncNow()
      expect(progress).toMatchObject({ state: "done", done: 5, unchanged: 4, repriced: 0 })
      const after = await calls()
      expect(count(after, PRICE) - count(quiet, PRICE)).toBe(1)
      expect(count(after, SUBMIT) - count(quiet, SUBMIT)).toBe(0)
      expect(await priceOf(listings[2].ae_product_id)).toBeCloseTo(77, 2)
      expect(await priceOf(listings[1].ae_product_id)).not.toBeCloseTo(77, 2)
      const queued = await service.listAliExpressListings({ sync_requested_at: { $ne: null } }, { select: ["id"] })
      expect(queued).toEqual([])
    })

    it("weighs the queue again when the whole catalogue is queued while a run's pages are going, so the second sync is repriced by the pass and sent as a feed job", async () => {
      const { listings } = await listFive()
      const oldPrice = await priceOf(listings[0].ae_product_id)
      const service: AliExpressModuleService = getContainer().resolve(ALIEXPRESS_MODULE)
      // The markup is written straight to the account, so nothing queues every listing yet.
      await service.updateAliExpressAccounts({ id: account.id, markup_percent: 10 })
      // Slow answers keep the first run's page going while the catalogue is queued under it.
      await sandboxControl(sandbox.url, "/faults", { latency_ms: 1500 })
      await listingSyncRunner.whenIdle()
      const before = await calls()
      // A run for one product: too small for the pass or the feed path, so its page maps it.
      expect((await api.post("/admin/aliexpress/sync", { product_ids: [listings[0].product_id] }, admin)).status).toBe(202)
      await waitFor("the first run's page", async () => {
        const c = await calls()
        return Object.keys(c).some((method) => count(c, method) > count(before, method))
      })
      // "Sync now" on everything, straight after.
      expect((await api.post("/admin/aliexpress/sync", {}, admin)).status).toBe(202)
      await sleep(400)
      await listingSyncRunner.whenIdle()
      await sandboxControl(sandbox.url, "/faults", {})

      const after = await calls()
      // The first page sent its one product in a batch call; the rest of the catalogue went
      // through the pass and one feed job, not through pages and batch calls.
      expect(count(after, PRICE) - count(before, PRICE)).toBe(1)
      expect(count(after, SUBMIT) - count(before, SUBMIT)).toBe(1)
      expect(count(after, STOCK) - count(before, STOCK)).toBe(0)
      expect(count(after, "aliexpress.solution.product.edit") - count(before, "aliexpress.solution.product.edit")).toBe(0)
      const [job] = await service.listAliExpressFeedJobs({ account_id: account.id }, { order: { created_at: "DESC" }, take: 1 })
      expect(job).toMatchObject({ status: "finished", operation: "PRODUCT_PRICES_UPDATE" })
      expect(job.item_count).toBeGreaterThanOrEqual(4)
      for (const listing of listings) {
        expect(await priceOf(listing.ae_product_id)).toBeCloseTo(oldPrice * 1.1, 1)
        expect((await listingOf(listing.product_id)).problems).toEqual([])
      }
      expect(await service.listAliExpressListings({ sync_requested_at: { $ne: null } }, { select: ["id"] })).toEqual([])
    })

    it("polls a feed job submitted before a restart once the runner is back, and does not submit it again", async () => {
      const { listings } = await listFive()
      const oldPrice = await priceOf(listings[0].ae_product_id)
      const container = getContainer()
      const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
      // AliExpress holds the job for a while: the process stops before any answer.
      await sandboxControl(sandbox.url, "/config", { feedDelayMs: 600000 })
      // The markup is written straight to the account: the route would start a run at once, and
      // this test plays that run's part itself, up to the submit.
      await service.updateAliExpressAccounts({ id: account.id, markup_percent: 10 })

      // What a run does up to the submit, and nothing after it: the page hands back its price
      // changes, the run submits them as one job, then the process is gone.
      const ids = listings.map((l) => l.id)
      const { result: page } = await syncListingsBatchWorkflow(container).run({ input: { account_id: account.id, listing_ids: ids, defer_updates: true } })
      expect(page.deferred_updates).toHaveLength(5)
      const { result: submitted } = await submitListingFeedWorkflow(container).run({
        input: { account_id: account.id, kind: "price", candidates: page.deferred_updates },
      })
      expect(submitted.job_id).toBeTruthy()
      const afterSubmit = await calls()
      expect(count(afterSubmit, SUBMIT)).toBe(1)
      const [job] = await service.listAliExpressFeedJobs({ ae_job_id: submitted.job_id! })
      expect(job).toMatchObject({ status: "submitted", item_count: 5, operation: "PRODUCT_PRICES_UPDATE" })
      expect(await priceOf(listings[0].ae_product_id)).toBeCloseTo(oldPrice, 2)

      // After the restart: AliExpress has finished the job; a fresh runner (nothing in memory)
      // runs its reconcile, which finds the job in the table and polls it.
      await sandboxControl(sandbox.url, "/config", { feedDelayMs: 0 })
      const restarted = new ListingSyncRunners()
      await restarted.reconcile(container)
      await restarted.whenIdle()

      const end = await calls()
      expect(count(end, SUBMIT)).toBe(1)
      expect(count(end, QUERY) - count(afterSubmit, QUERY)).toBeGreaterThanOrEqual(1)
      expect(count(end, PRICE) - count(afterSubmit, PRICE)).toBe(0)
      const [done] = await service.listAliExpressFeedJobs({ id: job.id })
      expect(done).toMatchObject({ status: "finished", succeeded_count: 5 })
      for (const listing of listings) {
        expect(await priceOf(listing.ae_product_id)).toBeCloseTo(oldPrice * 1.1, 1)
        expect((await listingOf(listing.product_id)).problems).toEqual([])
      }
    })
  },
})
