// The scheduled jobs must not fire in the middle of these tests: each test runs what it needs.
process.env.ALIEXPRESS_ORDER_IMPORT_CRON = "0 0 * * *"
process.env.ALIEXPRESS_SHIPMENT_PUSH_CRON = "0 0 * * *"
process.env.ALIEXPRESS_SYNC_DEBOUNCE_MS = "150"
process.env.ALIEXPRESS_SYNC_MIN_GAP_MS = "150"
// A hung call is given up after 3 s instead of the default 20 s.
process.env.ALIEXPRESS_REQUEST_TIMEOUT_MS = "3000"

import net from "node:net"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { startSandbox, type SandboxHandle } from "../../src/sandbox"
import { signPushBody } from "../../src/lib/aliexpress"
import { listingSyncRunner } from "../../src/runners/listing-sync"
import { orderImportRunner } from "../../src/runners/order-import"
import { createAdminHeaders } from "../helpers/admin-auth"
import { connectSandbox, connectSecondAccount, sandboxControl, SANDBOX_APP_KEY, SANDBOX_APP_SECRET } from "../helpers/connect-sandbox"
import { startImageServer } from "../helpers/image-server"
import { ADDRESS } from "./orders-support"
import { sleep, templateBody, until } from "./reliability-support"
import { createSeedProducts, sampleProductSeed, setupUsStore, type ProductSeed } from "../../scripts/lib/store-setup"

jest.setTimeout(240 * 1000)

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

/** Polls until `fn` answers something truthy (a minute unless told). */
const waitFor = <T>(what: string, fn: () => Promise<T | undefined | null | false>, timeoutMs = 60000) => until(what, fn, timeoutMs, 150)

const sellerState = (sellerId: string) => sandboxControl(sandbox.url, `/state?seller_id=${sellerId}`)
const skusOnSeller = async (sellerId: string) =>
  new Set<string>((await sellerState(sellerId)).products.flatMap((p: any) => p.skus.map((s: any) => s.sku_code)))


medusaIntegrationTestRunner({
  inApp: true,
  env: { ALIEXPRESS_SYNC_DEBOUNCE_MS: "150", ALIEXPRESS_SYNC_MIN_GAP_MS: "150" },
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let store: Awaited<ReturnType<typeof setupUsStore>>
    let first: any
    let second: any
    let secondSeller: string

    const service = () => getContainer().resolve("aliexpress") as any
    const create = (seeds: ProductSeed[], channels: string[]) =>
      createSeedProducts(getContainer(), seeds, {
        salesChannelIds: channels,
        shippingProfileId: store.shippingProfileId,
        stockLocationId: store.stockLocationId,
      })
    const seed = (i: number) => sampleProductSeed(i, { images: [`${images.url}/tee-${i}-front.jpg`] })
    const skusOf = (product: any) => (product.variants ?? []).map((v: any) => v.sku as string)

    const syncAndWait = async (accountId: string) => {
      const started = Date.now()
      const res = await api.post("/admin/aliexpress/sync", { account_id: accountId }, admin)
      expect(res.status).toBe(202)
      return await waitFor(`the sync of ${accountId}`, async () => {
        const p = (await api.get(`/admin/aliexpress/sync?account_id=${accountId}`, admin)).data.progress
        return p && p.state !== "running" && Date.parse(p.started_at) >= started - 5 && p
      })
    }

    beforeEach(async () => {
      await sandboxControl(sandbox.url, "/reset", { seed: "empty" })
      secondSeller = String((await sandboxControl(sandbox.url, "/sellers", { nick: "second-store" })).seller_id)
      admin = await createAdminHeaders(getContainer(), api)
      store = await setupUsStore(getContainer())
      const tax = getContainer().resolve(Modules.TAX)
      const regions = await tax.listTaxRegions({ country_code: "us" })
      await tax.updateTaxRegions(regions.filter((r: any) => !r.provider_id).map((r: any) => ({ id: r.id, provider_id: "tp_system" })))
      first = await connectSandbox(getContainer(), api, admin, sandbox.url, { stock_location_ids: [store.stockLocationId] })
      second = await connectSecondAccount(getContainer(), api, admin, sandbox.url, {
        name: "Second store",
        seller_id: secondSeller,
        settings: { stock_location_ids: [store.stockLocationId] },
      })
      const res = await api.post("/admin/aliexpress/templates", templateBody(), admin)
      expect(res.status).toBe(201)
    })

    afterEach(async () => {
      await sleep(300)
      await Promise.race([listingSyncRunner.whenIdle(), sleep(60000)])
    })

    it("gives each account its own channel and seller, and asks which account when there are two", async () => {
      expect(second.sales_channel_id).toBeTruthy()
      expect(second.sales_channel_id).not.toBe(first.sales_channel_id)
      expect(second.seller_id).toBe(secondSeller)
      expect(first.seller_id).not.toBe(secondSeller)

      const { data } = await api.get("/admin/aliexpress/accounts", admin)
      expect(data.count).toBe(2)
      expect(data.accounts.map((a: any) => [a.id, a.is_connected, a.seller_id])).toEqual([
        [first.id, true, first.seller_id],
        [second.id, true, secondSeller],
      ])
      expect(data.accounts[1]).toMatchObject({ name: "Second store", sales_channel_name: "AliExpress - Second store", problem_count: 0 })
      expect(JSON.stringify(data)).not.toContain(SANDBOX_APP_SECRET)

      // With two accounts a route must be told which one, and says so.
      const ambiguous = await api.get("/admin/aliexpress/settings", admin).catch((e: any) => e.response)
      expect(ambiguous.status).toBe(400)
      expect(ambiguous.data.message).toContain("account_id")
      const unknown = await api.get("/admin/aliexpress/settings?account_id=aeacc_nope", admin).catch((e: any) => e.response)
      expect(unknown.status).toBe(404)
      expect(unknown.data.message).toContain("account_id")
      expect((await api.get(`/admin/aliexpress/settings?account_id=${second.id}`, admin)).data.settings.name).toBe("Second store")

      // Bad input names its field and creates nothing.
      const bad = await api.post("/admin/aliexpress/accounts", { name: "Third", gateway_url: sandbox.url, app_key: "k" }, admin).catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("app_secret")
      expect((await api.get("/admin/aliexpress/accounts", admin)).data.count).toBe(2)

      // Settings saved for one account leave the other as it was.
      const saved = await api.post(`/admin/aliexpress/accounts/${second.id}`, { markup_percent: 15 }, admin)
      expect(saved.data.account.markup_percent).toBe(15)
      expect((await api.get(`/admin/aliexpress/accounts/${first.id}`, admin)).data.account.markup_percent).toBe(0)

    })

    it("connects an account through OAuth as the seller picked on the consent page, and refuses a seller another account has", async () => {
      const consent = async (accountId: string, sellerId: string) => {
        const { data } = await api.post("/admin/aliexpress/oauth/start", { account_id: accountId }, admin)
        const params = new URL(data.authorize_url).searchParams
        params.set("seller_id", sellerId)
        params.set("action", "approve")
        const answer = await fetch(`${sandbox.url}/oauth/authorize`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: params.toString(),
          redirect: "manual",
        })
        expect(answer.status).toBe(302)
        const back = new URL(answer.headers.get("location")!)
        const res = await api.get(`${back.pathname}${back.search}`, { ...admin, maxRedirects: 0, validateStatus: () => true })
        expect(res.status).toBe(302)
        return new URL(res.headers.location, "http://admin.invalid").searchParams
      }
      const before = await service().requireAccount(second.id)

      // The first account's seller, signed in for the second account: refused, and nothing of it kept.
      const refused = await consent(second.id, String(first.seller_id))
      expect(refused.get("error")).toContain("already connected")
      const after = await service().requireAccount(second.id)
      expect([after.seller_id, after.access_token_encrypted]).toEqual([secondSeller, before.access_token_encrypted])

      // Its own seller: connected, and the admin comes back to that account's settings.
      const connected = await consent(second.id, secondSeller)
      expect([connected.get("connected"), connected.get("account_id")]).toEqual(["1", second.id])
      const reconnected = await service().requireAccount(second.id)
      expect([reconnected.status, reconnected.seller_id]).toEqual(["connected", secondSeller])
      expect(reconnected.access_token_encrypted).not.toBe(before.access_token_encrypted)
    })

    it("lists each channel's products on its own seller, and a product in both channels once on each", async () => {
      const [onlyFirst] = await create([seed(1)], [first.sales_channel_id])
      const [onlySecond] = await create([seed(2)], [second.sales_channel_id])
      const [inBoth] = await create([seed(3)], [first.sales_channel_id, second.sales_channel_id])
      await Promise.race([listingSyncRunner.whenIdle(), sleep(60000)])
      await syncAndWait(first.id)
      await syncAndWait(second.id)

      const onFirst = await skusOnSeller(String(first.seller_id))
      const onSecond = await skusOnSeller(secondSeller)
      for (const sku of skusOf(onlyFirst)) expect([onFirst.has(sku), onSecond.has(sku)]).toEqual([true, false])
      for (const sku of skusOf(onlySecond)) expect([onFirst.has(sku), onSecond.has(sku)]).toEqual([false, true])
      for (const sku of skusOf(inBoth)) expect([onFirst.has(sku), onSecond.has(sku)]).toEqual([true, true])
      expect((await sellerState(String(first.seller_id))).products).toHaveLength(2)
      expect((await sellerState(secondSeller)).products).toHaveLength(2)

      const { data } = await api.get(`/admin/aliexpress/listings/${inBoth.id}`, admin)
      expect(data.listings.map((l: any) => [l.account_id, l.account_name]).sort()).toEqual(
        [
          [first.id, first.name],
          [second.id, "Second store"],
        ].sort()
      )
      expect(new Set(data.listings.map((l: any) => l.ae_product_id)).size).toBe(2)
      for (const account of [first, second]) {
        const listed = (await api.get(`/admin/aliexpress/listings?account_id=${account.id}`, admin)).data
        expect(listed.count).toBe(2)
        const overview = (await api.get(`/admin/aliexpress/overview?account_id=${account.id}`, admin)).data
        expect(overview.listings.total).toBe(2)
      }
    })

    it("imports each seller's orders into its account's channel, routes pushes by seller, and ships to the seller the order came from", async () => {
      const [tee1] = await create([seed(1)], [first.sales_channel_id])
      const [tee2] = await create([seed(2)], [second.sales_channel_id])
      await Promise.race([listingSyncRunner.whenIdle(), sleep(60000)])
      // Each account's sync puts its channel's product on sale on its own seller.
      await syncAndWait(first.id)
      await syncAndWait(second.id)
      const order = (sellerId: string | undefined, sku: string) =>
        sandboxControl(sandbox.url, "/orders", {
          ...(sellerId ? { seller_id: sellerId } : {}),
          items: [{ sku_code: sku, quantity: 1 }],
          buyer: { login_id: "us_buyer_1", first_name: "Emma", last_name: "Johnson", country: "US" },
          address: ADDRESS,
          shipping_amount: "4.50",
        }).then((r: any) => String(r.order_id))
      const fromFirst = await order(undefined, skusOf(tee1)[0])
      const fromSecond = await order(secondSeller, skusOf(tee2)[0])
      // A seller's SKU is unknown to the other seller.
      await expect(order(secondSeller, skusOf(tee1)[0])).rejects.toThrow(/unknown_sku|not listed/)

      const imported = async (accountId: string) => (await api.post("/admin/aliexpress/orders/import", { account_id: accountId }, admin)).data.result
      expect(await imported(first.id)).toMatchObject({ imported: 1, failed: 0 })
      const bindingsOf = async (accountId: string) => (await api.get(`/admin/aliexpress/orders?account_id=${accountId}`, admin)).data.orders
      expect((await bindingsOf(first.id)).map((b: any) => b.ae_order_id)).toEqual([fromFirst])
      expect(await bindingsOf(second.id)).toEqual([])

      // The second seller's order arrives by push: the message names its seller, whose account imports it.
      const timestamp = Date.now()
      const body = JSON.stringify({
        message_id: `m-${timestamp}`,
        message_type: "order_status",
        timestamp,
        seller_id: secondSeller,
        data: { order_id: fromSecond, current_status: "WAIT_SELLER_SEND_GOODS", last_status: "PLACE_ORDER_SUCCESS" },
      })
      const pushed = await api.post("/hooks/aliexpress/push", body, {
        headers: { "content-type": "application/json", "x-ae-signature": signPushBody(SANDBOX_APP_SECRET, body), "x-ae-timestamp": String(timestamp) },
      })
      expect(pushed.status).toBe(200)
      const [binding] = await waitFor("the pushed order imported", async () => {
        const rows = await bindingsOf(second.id)
        return rows[0]?.status === "imported" && rows
      })
      expect(binding.ae_order_id).toBe(fromSecond)

      const orders = getContainer().resolve(Modules.ORDER)
      expect((await orders.listOrders({ sales_channel_id: first.sales_channel_id })).map((o: any) => o.metadata?.aliexpress_order_id)).toEqual([fromFirst])
      expect((await orders.listOrders({ sales_channel_id: second.sales_channel_id })).map((o: any) => o.metadata?.aliexpress_order_id)).toEqual([fromSecond])
      const widget = (await api.get(`/admin/aliexpress/orders/by-order/${binding.order_id}`, admin)).data.aliexpress_order
      expect(widget).toMatchObject({ ae_order_id: fromSecond, account_id: second.id, account_name: "Second store" })

      // Shipping the second account's order declares it to the second seller only.
      const { data: detail } = await api.get(`/admin/orders/${binding.order_id}?fields=*items`, admin)
      const items = detail.order.items.map((i: any) => ({ id: i.id, quantity: i.quantity }))
      const f = await api.post(`/admin/orders/${binding.order_id}/fulfillments?fields=fulfillments.id`, { items }, admin)
      await api.post(
        `/admin/orders/${binding.order_id}/fulfillments/${f.data.order.fulfillments[0].id}/shipments`,
        { items, labels: [{ tracking_number: "1Z999AA10123456784", tracking_url: "#", label_url: "#" }] },
        admin
      )
      const shipped = await waitFor("the shipment on the second seller", async () => {
        const o = (await sellerState(secondSeller)).orders.find((x: any) => x.order_id === fromSecond)
        return o?.shipments.length && o
      })
      expect(shipped.shipments[0]).toMatchObject({ logistics_no: "1Z999AA10123456784", send_type: "all" })
      expect((await sellerState(String(first.seller_id))).orders.find((x: any) => x.order_id === fromFirst).shipments).toEqual([])
      const shipments = (await api.get(`/admin/aliexpress/shipments?account_id=${second.id}`, admin)).data.shipments
      expect(shipments.map((s: any) => [s.ae_order_id, s.status])).toEqual([[fromSecond, "sent"]])
      expect((await api.get(`/admin/aliexpress/shipments?account_id=${first.id}`, admin)).data.shipments).toEqual([])
    })

    it("pauses only the account whose refresh token expired; removing an account keeps its history and leaves the other running", async () => {
      const [tee1] = await create([seed(1)], [first.sales_channel_id])
      const [tee2] = await create([seed(2)], [second.sales_channel_id])
      await Promise.race([listingSyncRunner.whenIdle(), sleep(60000)])
      await syncAndWait(first.id)
      await syncAndWait(second.id)
      // Then the second account's tokens both run out; the first one's do not.
      await connectSecondAccount(getContainer(), api, admin, sandbox.url, {
        account_id: second.id,
        seller_id: secondSeller,
        tokens: { access_ttl_sec: 1, refresh_ttl_sec: 2 },
      })
      await sleep(2500)
      await sandboxControl(sandbox.url, "/orders", { items: [{ sku_code: skusOf(tee1)[0], quantity: 1 }], address: ADDRESS, shipping_amount: "1.00" })
      await sandboxControl(sandbox.url, "/orders", { seller_id: secondSeller, items: [{ sku_code: skusOf(tee2)[0], quantity: 1 }], address: ADDRESS, shipping_amount: "1.00" })

      // The job's tick: each account on its own; the failing one does not stop the other.
      const outcomes = await orderImportRunner.runScheduled(getContainer())
      const byAccount = new Map(outcomes.map((o) => [o.account_id, o]))
      expect(byAccount.get(first.id)?.result).toMatchObject({ imported: 1 })
      expect(byAccount.get(second.id)?.error).toBeTruthy()

      const { data } = await api.get("/admin/aliexpress/accounts", admin)
      const [a, b] = data.accounts
      expect([a.id, a.status]).toEqual([first.id, "connected"])
      expect(a.health_state).not.toBe("error")
      const health = async (accountId: string) => (await api.get(`/admin/aliexpress/overview?account_id=${accountId}`, admin)).data.account.health
      expect((await health(first.id)).order_import.state).toBe("ok")
      expect(["warning", "error"]).toContain((await health(second.id)).order_import.state)
      expect([b.id, b.status]).toEqual([second.id, "reconnect_needed"])
      expect(b.problem_count).toBeGreaterThanOrEqual(1)
      // The next tick imports the first account's new order and leaves the paused one alone.
      await sandboxControl(sandbox.url, "/orders", { items: [{ sku_code: skusOf(tee1)[1], quantity: 1 }], address: ADDRESS, shipping_amount: "1.00" })
      const again = await orderImportRunner.run(getContainer(), first.id, { trigger: "manual" })
      expect(again).toMatchObject({ imported: 1 })

      // Removing the paused account: it leaves the list, its history stays, the first goes on.
      const removed = await api.delete(`/admin/aliexpress/accounts/${second.id}`, admin)
      expect(removed.data).toEqual({ id: second.id, object: "aliexpress_account", deleted: true })
      expect((await api.get("/admin/aliexpress/accounts", admin)).data.accounts.map((x: any) => x.id)).toEqual([first.id])
      expect((await service().listAliExpressListings({ account_id: second.id })).length).toBeGreaterThanOrEqual(1)
      // One account again: the routes need no account_id, as before.
      expect((await api.get("/admin/aliexpress/settings", admin)).data.settings.id).toBe(first.id)
      expect((await api.post("/admin/aliexpress/orders/import", {}, admin)).data.result.skip_reason).toBeNull()
    })

    it("a hanging account does not hold up the other's scheduled import", async () => {
      const [tee1] = await create([seed(1)], [first.sales_channel_id])
      await Promise.race([listingSyncRunner.whenIdle(), sleep(60000)])
      await syncAndWait(first.id)
      // The second account's AliExpress takes every connection and never answers.
      const blackHole = net.createServer(() => undefined)
      await new Promise<void>((resolve) => blackHole.listen(0, "127.0.0.1", resolve))
      const port = (blackHole.address() as net.AddressInfo).port
      try {
        await api.post(`/admin/aliexpress/accounts/${second.id}`, { gateway_url: `http://127.0.0.1:${port}` }, admin)
        await sandboxControl(sandbox.url, "/orders", { items: [{ sku_code: skusOf(tee1)[0], quantity: 1 }], address: ADDRESS, shipping_amount: "1.00" })

        const started = Date.now()
        const tick = await orderImportRunner.runScheduled(getContainer(), 2000)
        // The tick waits 2 s for each account; the hanging one's call would take its full timeout.
        expect(Date.now() - started).toBeLessThan(10_000)
        const byAccount = new Map(tick.map((o) => [o.account_id, o]))
        expect(byAccount.get(first.id)?.result).toMatchObject({ imported: 1 })
        expect(byAccount.get(second.id)?.result).toMatchObject({ skip_reason: "still_running" })

        // The next tick serves the first account again and leaves the hanging one to its run.
        await sandboxControl(sandbox.url, "/orders", { items: [{ sku_code: skusOf(tee1)[1], quantity: 1 }], address: ADDRESS, shipping_amount: "1.00" })
        await api.post(`/admin/aliexpress/accounts/${first.id}`, { order_import_interval_minutes: 1 }, admin)
        await service().updateAliExpressAccounts({ id: first.id, last_order_import_at: new Date(0) })
        const next = await orderImportRunner.runScheduled(getContainer(), 2000)
        const nextBy = new Map(next.map((o) => [o.account_id, o]))
        expect(nextBy.get(first.id)?.result).toMatchObject({ imported: 1 })
        expect(nextBy.get(second.id)?.result).toMatchObject({ skip_reason: "still_running" })

        // The hanging run ends with a failure of its own, recorded on its account only.
        const health = async (accountId: string) => (await api.get(`/admin/aliexpress/overview?account_id=${accountId}`, admin)).data.account.health
        await waitFor("the hanging run to give up", async () => ["warning", "error"].includes((await health(second.id)).order_import.state), 90000)
        expect((await health(first.id)).order_import.state).toBe("ok")
      } finally {
        blackHole.close()
      }
    })
  },
})
