// The scheduled jobs must not fire in the middle of these tests: each test runs imports itself.
process.env.ALIEXPRESS_ORDER_IMPORT_CRON = "0 0 * * *"
process.env.ALIEXPRESS_SHIPMENT_PUSH_CRON = "0 0 * * *"

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { updateInventoryLevelsWorkflow } from "@medusajs/core-flows"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { startSandbox } from "../../src/sandbox"
import { importOrderChanges } from "../../src/runners/order-import"
import { ALIEXPRESS_MODULE } from "../../src/modules/aliexpress"
import type AliExpressModuleService from "../../src/modules/aliexpress/service"
import AliExpressOrderLink from "../../src/links/aliexpress-order-order"
import { createAdminHeaders } from "../helpers/admin-auth"
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, sandboxControl } from "../helpers/connect-sandbox"
import { signPushBody } from "../../src/lib/aliexpress"
import { ADDRESS, BUYER, placeSandboxOrder, prepareStore, waitFor } from "./orders-support"

jest.setTimeout(180 * 1000)

let sandbox: { url: string; stop(): Promise<void> }

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, appKey: SANDBOX_APP_KEY, appSecret: SANDBOX_APP_SECRET, auditDelayMs: 0, rateLimitPerSecond: 1000 })
})
afterAll(async () => {
  await sandbox?.stop()
})

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let ctx: Awaited<ReturnType<typeof prepareStore>>

    const importNow = async () => (await api.post("/admin/aliexpress/orders/import", {}, admin)).data.result
    const bindings = async (query = "") => (await api.get(`/admin/aliexpress/orders${query}`, admin)).data
    const channelOrders = async () => {
      const orders = getContainer().resolve(Modules.ORDER)
      return await orders.listOrders({ sales_channel_id: ctx.salesChannelId })
    }
    const reservationsOf = async (orderId: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "order", fields: ["items.id"], filters: { id: orderId } })
      const inventory = getContainer().resolve(Modules.INVENTORY)
      return await inventory.listReservationItems({ line_item_id: data[0].items.map((i: any) => i.id) })
    }

    beforeEach(async () => {
      admin = await createAdminHeaders(getContainer(), api)
      ctx = await prepareStore(getContainer(), api, admin, sandbox.url, { extraSkus: ["GHOST-SKU-1"] })
    })

    it("imports a sandbox order as a paid Medusa order in the AliExpress channel, with stock reserved", async () => {
      const [a, b] = ctx.variants
      const aeOrderId = await placeSandboxOrder(sandbox.url, [
        { sku_code: a.sku, quantity: 2 },
        { sku_code: b.sku, quantity: 1 },
      ])

      const result = await importNow()
      expect(result).toMatchObject({ imported: 1, held: 0, failed: 0, complete: true })

      const list = await bindings()
      expect(list.count).toBe(1)
      const binding = list.orders[0]
      expect(binding).toMatchObject({
        ae_order_id: aeOrderId,
        status: "imported",
        ae_status: "WAIT_SELLER_SEND_GOODS",
        buyer_login_id: BUYER.login_id,
        problems: [],
      })
      expect(new Date(binding.ship_by).getTime()).toBeGreaterThan(Date.now())
      expect((await bindings("?q=buyer_77")).count).toBe(1)
      expect((await bindings(`?q=${aeOrderId}&status=imported`)).count).toBe(1)
      expect((await bindings("?q=nobody")).count).toBe(0)
      const badFilter = await api.get("/admin/aliexpress/orders?status=lost", admin).catch((e: any) => e.response)
      expect(badFilter.status).toBe(400)

      const { data } = await api.get(
        `/admin/orders/${binding.order_id}?fields=*items,*shipping_address,*customer,*sales_channel,*shipping_methods,total,subtotal,shipping_total,payment_status,fulfillment_status,currency_code,email,metadata`,
        admin
      )
      const order = data.order
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      expect(order.currency_code).toBe("usd")
      expect(order.sales_channel.id).toBe(ctx.salesChannelId)
      expect(order.email).toBe("us_buyer_77@buyer.aliexpress.invalid")
      expect(order.customer).toMatchObject({ first_name: "Emma", last_name: "Johnson" })
      expect(order.shipping_address).toMatchObject({
        first_name: "Emma",
        last_name: "Johnson",
        address_1: ADDRESS.address,
        address_2: ADDRESS.address2,
        city: ADDRESS.city,
        province: ADDRESS.province,
        postal_code: ADDRESS.zip,
        country_code: "us",
      })
      const items = [...order.items].sort((x: any, y: any) => y.quantity - x.quantity)
      expect(items.map((i: any) => [i.variant_id, i.quantity, i.unit_price])).toEqual([
        [a.id, 2, 19.99],
        [b.id, 1, 19.99],
      ])
      // Each line carries its variant and product as Medusa's own order lines do, at the
      // price the buyer paid (a custom price), with no store promotion applied to it.
      expect(items[0]).toMatchObject({
        variant_sku: a.sku,
        variant_title: a.title,
        product_id: ctx.product.id,
        product_title: ctx.product.title,
        product_handle: ctx.product.handle,
        subtitle: a.title,
        is_custom_price: true,
        is_tax_inclusive: true,
        requires_shipping: true,
      })
      expect(order.items.flatMap((i: any) => i.adjustments ?? [])).toEqual([])
      expect(order.shipping_methods[0].amount).toBe(4.5)
      expect(order.total).toBeCloseTo(19.99 * 3 + 4.5, 2)
      expect(order.payment_status).toBe("captured")
      // The marketplace's capture, as Medusa's own mark-as-paid leaves it: one completed
      // collection, one captured system payment, the order's capture transaction.
      const { data: paid } = await query.graph({
        entity: "order",
        fields: ["payment_collections.*", "payment_collections.payments.*", "payment_collections.payments.captures.*", "transactions.*"],
        filters: { id: binding.order_id },
      })
      const [collection] = paid[0].payment_collections
      expect(paid[0].payment_collections).toHaveLength(1)
      expect(collection.status).toBe("completed")
      expect(Number(collection.captured_amount)).toBeCloseTo(order.total, 2)
      expect(collection.payments).toHaveLength(1)
      expect(collection.payments[0].provider_id).toBe("pp_system_default")
      expect(collection.payments[0].captures).toHaveLength(1)
      expect(paid[0].transactions.map((t: any) => [t.reference, t.reference_id, Number(t.amount)])).toEqual([
        ["capture", collection.payments[0].captures[0].id, expect.closeTo(order.total, 2)],
      ])
      expect(order.metadata).toMatchObject({
        aliexpress_order_id: aeOrderId,
        aliexpress_buyer_login_id: BUYER.login_id,
        aliexpress_status: "WAIT_SELLER_SEND_GOODS",
      })

      const reservations = await reservationsOf(order.id)
      expect(reservations.map((r: any) => Number(r.quantity)).sort()).toEqual([1, 2])

      const { data: linked } = await query.graph({
        entity: AliExpressOrderLink.entryPoint,
        fields: ["aliexpress_order_id", "order_id"],
        filters: { order_id: order.id },
      })
      expect(linked).toEqual([expect.objectContaining({ aliexpress_order_id: binding.id, order_id: order.id })])

      // The link is followed from the order side too, as the admin's order page does.
      const { data: viaOrder } = await query.graph({
        entity: "order",
        fields: ["id", "aliexpress_order.*"],
        filters: { id: order.id },
      })
      expect(viaOrder[0].aliexpress_order).toMatchObject({ id: binding.id, ae_order_id: aeOrderId, status: "imported" })

      const byOrder = await api.get(`/admin/aliexpress/orders/by-order/${order.id}`, admin)
      expect(byOrder.data.aliexpress_order).toMatchObject({ ae_order_id: aeOrderId, status: "imported" })
    })

    it("creates one Medusa order when the import runs twice, and twice at once", async () => {
      await placeSandboxOrder(sandbox.url, [{ sku_code: ctx.variants[0].sku, quantity: 1 }])
      await placeSandboxOrder(sandbox.url, [{ sku_code: ctx.variants[1].sku, quantity: 1 }])

      const container = getContainer()
      const { id: account_id } = await (container.resolve(ALIEXPRESS_MODULE) as AliExpressModuleService).requireAccount()
      const runs = await Promise.all([
        importOrderChanges(container, { account_id, trigger: "manual" }),
        importOrderChanges(container, { account_id, trigger: "manual" }),
      ])
      expect(runs.map((r) => r.imported ?? 0).reduce((x: number, y: any) => x + y, 0)).toBe(2)
      await importNow()

      expect(await channelOrders()).toHaveLength(2)
      const list = await bindings()
      expect(list.count).toBe(2)
      expect(list.orders.every((o: any) => o.status === "imported")).toBe(true)
      for (const o of list.orders) {
        expect(await reservationsOf(o.order_id)).toHaveLength(1)
      }
    })
    it("imports several orders of one new buyer at once with one customer for the buyer", async () => {
      const buyer = { login_id: "us_buyer_first_time", first_name: "Liam", last_name: "Walker", country: "US" }
      for (let i = 0; i < 4; i++) {
        await placeSandboxOrder(sandbox.url, [{ sku_code: ctx.variants[i % 2].sku, quantity: 1 }], { buyer })
      }
      const result = await importNow()
      expect(result).toMatchObject({ imported: 4, failed: 0 })
      const orders = await channelOrders()
      expect(orders).toHaveLength(4)
      const customers = await getContainer().resolve(Modules.CUSTOMER).listCustomers({ email: orders[0].email })
      expect(customers).toHaveLength(1)
      expect(customers[0]).toMatchObject({ first_name: "Liam", last_name: "Walker" })
      expect(new Set(orders.map((o: any) => o.customer_id))).toEqual(new Set([customers[0].id]))
    })

    it("holds an order whose SKU matches no variant, lists it with the problem, and imports it after the fix", async () => {
      const aeOrderId = await placeSandboxOrder(sandbox.url, [
        { sku_code: ctx.variants[0].sku, quantity: 1 },
        { sku_code: "GHOST-SKU-1", quantity: 1 },
      ])
      const first = await importNow()
      expect(first).toMatchObject({ imported: 0, held: 1 })
      expect(await channelOrders()).toHaveLength(0)

      const held = await bindings("?status=held")
      expect(held.count).toBe(1)
      expect(held.orders[0]).toMatchObject({ ae_order_id: aeOrderId, order_id: null, status: "held" })
      expect(held.orders[0].problems).toEqual([
        expect.objectContaining({ field: "sku_code", message: expect.stringContaining("GHOST-SKU-1"), hint: expect.any(String) }),
      ])

      // Still held on the next run: the SKU is still unknown.
      await importNow()
      expect((await bindings("?status=held")).count).toBe(1)

      const ghost = ctx.variants[3]
      await api.post(`/admin/products/${ctx.product.id}/variants/${ghost.id}`, { sku: "GHOST-SKU-1" }, admin)
      const retried = await api.post(`/admin/aliexpress/orders/${held.orders[0].id}/retry`, {}, admin)
      expect(retried.data.aliexpress_order).toMatchObject({ status: "imported", problems: [] })
      const orders = await channelOrders()
      expect(orders).toHaveLength(1)
      expect(retried.data.aliexpress_order.order_id).toBe(orders[0].id)

      const again = await api.post(`/admin/aliexpress/orders/${held.orders[0].id}/retry`, {}, admin).catch((e: any) => e.response)
      expect(again.status).toBe(400)
      const missing = await api.post(`/admin/aliexpress/orders/aeord_missing/retry`, {}, admin).catch((e: any) => e.response)
      expect(missing.status).toBe(404)
    })

    it("fails an order short of stock at the reservation, leaves no order or payment behind, and imports it once stock is back", async () => {
      const short = ctx.variants[1]
      await placeSandboxOrder(sandbox.url, [{ sku_code: short.sku, quantity: 11 }])
      const first = await importNow()
      expect(first).toMatchObject({ imported: 0, failed: 1 })
      expect(await channelOrders()).toHaveLength(0)
      expect(await getContainer().resolve(Modules.PAYMENT).listPaymentCollections({})).toHaveLength(0)
      const [failed] = (await bindings("?status=failed")).orders
      expect(failed).toMatchObject({ order_id: null, status: "failed" })
      expect(failed.last_error).toContain("Not enough stock")

      await updateInventoryLevelsWorkflow(getContainer()).run({
        input: {
          updates: [
            { inventory_item_id: short.inventory_items[0].inventory_item_id, location_id: ctx.store.stockLocationId, stocked_quantity: 20 },
          ],
        },
      })
      const retried = await api.post(`/admin/aliexpress/orders/${failed.id}/retry`, {}, admin)
      expect(retried.data.aliexpress_order).toMatchObject({ status: "imported" })
      const orders = await channelOrders()
      expect(orders).toHaveLength(1)
      expect(await reservationsOf(orders[0].id)).toEqual([expect.objectContaining({ quantity: 11 })])
    })

    it("cancels the Medusa order and releases its stock when AliExpress cancels", async () => {
      const aeOrderId = await placeSandboxOrder(sandbox.url, [{ sku_code: ctx.variants[0].sku, quantity: 2 }])
      await importNow()
      const [binding] = (await bindings()).orders
      expect(await reservationsOf(binding.order_id)).toHaveLength(1)

      await sandboxControl(sandbox.url, `/orders/${aeOrderId}/status`, { action: "cancel" })
      const run = await importNow()
      expect(run.status_updates).toBe(1)

      const { data } = await api.get(`/admin/orders/${binding.order_id}?fields=status,metadata`, admin)
      expect(data.order.status).toBe("canceled")
      expect(data.order.metadata.aliexpress_status).toBe("IN_CANCEL")
      expect(await reservationsOf(binding.order_id)).toHaveLength(0)
      const [after] = (await bindings()).orders
      expect(after).toMatchObject({ status: "canceled", ae_status: "IN_CANCEL" })
    })

    it("cancels the Medusa order when AliExpress closes it as FINISH with a cancel reason, and keeps a delivered FINISH open", async () => {
      const canceledId = await placeSandboxOrder(sandbox.url, [{ sku_code: ctx.variants[0].sku, quantity: 1 }])
      const deliveredId = await placeSandboxOrder(sandbox.url, [{ sku_code: ctx.variants[1].sku, quantity: 1 }])
      expect((await importNow()).imported).toBe(2)
      // AliExpress closes an order the buyer canceled with FINISH plus an end reason; the control API has no such action.
      const store = (sandbox as any).state
      const closed = store.orders.get(canceledId)
      closed.end_reason = "buyer_cancel_order"
      store.setOrderStatus(closed, "FINISH")
      const received = store.orders.get(deliveredId)
      received.end_reason = "buyer_confirm_goods"
      store.setOrderStatus(received, "FINISH")
      const run = await importNow()
      expect(run.status_updates).toBe(2)

      const list = (await bindings()).orders
      const canceled = list.find((o: any) => o.ae_order_id === canceledId)
      const delivered = list.find((o: any) => o.ae_order_id === deliveredId)
      expect(canceled).toMatchObject({ status: "canceled", ae_status: "FINISH", ae_end_reason: "buyer_cancel_order" })
      expect(delivered).toMatchObject({ status: "imported", ae_status: "FINISH" })
      const { data: c } = await api.get(`/admin/orders/${canceled.order_id}?fields=status`, admin)
      expect(c.order.status).toBe("canceled")
      expect(await reservationsOf(canceled.order_id)).toHaveLength(0)
      const { data: d } = await api.get(`/admin/orders/${delivered.order_id}?fields=status`, admin)
      expect(d.order.status).not.toBe("canceled")
    })

    it("resumes a claim left in importing by a run that died, without a duplicate", async () => {
      const aeOrderId = await placeSandboxOrder(sandbox.url, [{ sku_code: ctx.variants[0].sku, quantity: 1 }])
      const service: any = getContainer().resolve("aliexpress")
      const abandoned = await service.createAliExpressOrders({
        account_id: ctx.account.id,
        ae_order_id: aeOrderId,
        status: "importing",
        attempts: 1,
        last_attempt_at: new Date(Date.now() - 10 * 60 * 1000),
      })
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await knex("aliexpress_order").where({ id: abandoned.id }).update({ updated_at: new Date(Date.now() - 10 * 60 * 1000) })

      await importNow()
      await importNow()
      expect(await channelOrders()).toHaveLength(1)
      const list = await bindings()
      expect(list.count).toBe(1)
      expect(list.orders[0]).toMatchObject({ id: abandoned.id, status: "imported", attempts: 2 })
    })

    it("adopts the Medusa order a died run created even after a failure was recorded over its claim", async () => {
      const aeOrderId = await placeSandboxOrder(sandbox.url, [{ sku_code: ctx.variants[1].sku, quantity: 1 }])
      await importNow()
      const [imported] = (await bindings(`?q=${aeOrderId}`)).orders
      expect(imported).toMatchObject({ status: "imported" })
      expect(await channelOrders()).toHaveLength(1)

      // What a run killed after creating the order leaves, once a later run's failure on the
      // order (an AliExpress read that failed) was recorded: a failed binding with no order.
      const service: any = getContainer().resolve("aliexpress")
      await service.updateAliExpressOrders({ id: imported.id, status: "importing", order_id: null })
      await service.recordOrderFailure(ctx.account.id, aeOrderId, "AliExpress did not answer")
      // A live claim only gets the error: its run may still be creating the order.
      expect((await bindings(`?q=${aeOrderId}`)).orders[0]).toMatchObject({ status: "importing", last_error: "AliExpress did not answer" })
      await service.updateAliExpressOrders({ id: imported.id, status: "failed", next_attempt_at: new Date(Date.now() - 1000) })

      await importNow()
      expect(await channelOrders()).toHaveLength(1)
      expect((await bindings(`?q=${aeOrderId}`)).orders[0]).toMatchObject({ id: imported.id, status: "imported", order_id: imported.order_id })
    })

    it("reserves the stock of an adopted order whose run died before the reservation", async () => {
      const aeOrderId = await placeSandboxOrder(sandbox.url, [{ sku_code: ctx.variants[1].sku, quantity: 2 }])
      await importNow()
      const [imported] = (await bindings(`?q=${aeOrderId}`)).orders
      expect(imported).toMatchObject({ status: "imported" })
      const container = getContainer()
      const query = container.resolve("query")
      const inventory: any = container.resolve(Modules.INVENTORY)
      const { data } = await query.graph({ entity: "order", fields: ["items.id"], filters: { id: imported.order_id } })
      const lineIds = (data[0] as any).items.map((i: any) => i.id)
      const reservations = await inventory.listReservationItems({ line_item_id: lineIds })
      expect(reservations).toHaveLength(1)

      // What a run killed after creating the order and before reserving its stock leaves.
      await inventory.deleteReservationItems(reservations.map((r: any) => r.id))
      const service: any = container.resolve("aliexpress")
      await service.updateAliExpressOrders({ id: imported.id, status: "failed", order_id: null, next_attempt_at: new Date(Date.now() - 1000) })

      await importNow()
      expect(await channelOrders()).toHaveLength(1)
      expect((await bindings(`?q=${aeOrderId}`)).orders[0]).toMatchObject({ id: imported.id, status: "imported", order_id: imported.order_id })
      const again = await inventory.listReservationItems({ line_item_id: lineIds })
      expect(again).toHaveLength(1)
      expect(MathBN.convert(again[0].quantity).toNumber()).toBe(2)
    })

    describe("push webhook", () => {
      const post = (body: string, headers: Record<string, string>) =>
        api
          .post("/hooks/aliexpress/push", body, { headers: { "content-type": "application/json", ...headers } })
          .catch((e: any) => e.response)
      const message = (orderId: string, overrides: Record<string, unknown> = {}) => {
        const timestamp = Date.now()
        const body = JSON.stringify({
          message_id: `msg-${orderId}-${timestamp}`,
          message_type: "order_status",
          timestamp,
          seller_id: ctx.account.seller_id,
          data: { order_id: orderId, current_status: "WAIT_SELLER_SEND_GOODS", last_status: "PLACE_ORDER_SUCCESS" },
          ...overrides,
        })
        return { body, headers: { "x-ae-signature": signPushBody(SANDBOX_APP_SECRET, body), "x-ae-timestamp": String(timestamp) } }
      }

      it("accepts a signed message, imports its order, and refuses a replay", async () => {
        const aeOrderId = await placeSandboxOrder(sandbox.url, [{ sku_code: ctx.variants[0].sku, quantity: 1 }])
        const { body, headers } = message(aeOrderId)
        const ok = await post(body, headers)
        expect(ok.status).toBe(200)
        await waitFor(async () => (await bindings()).orders[0]?.status === "imported")
        expect(await channelOrders()).toHaveLength(1)
        expect((await bindings()).orders[0]).toMatchObject({ ae_order_id: aeOrderId, order_id: expect.any(String) })

        const replay = await post(body, headers)
        expect(replay.status).toBe(409)
      })

      it("refuses a bad signature, a stale message and an oversized one, and imports nothing", async () => {
        const aeOrderId = await placeSandboxOrder(sandbox.url, [{ sku_code: ctx.variants[0].sku, quantity: 1 }])
        const good = message(aeOrderId)
        const bad = await post(good.body, { ...good.headers, "x-ae-signature": signPushBody("wrong-secret", good.body) })
        expect(bad.status).toBe(401)
        const unsigned = await post(good.body, { "x-ae-timestamp": good.headers["x-ae-timestamp"] })
        expect(unsigned.status).toBe(401)
        const tampered = await post(good.body.replace(aeOrderId, "8200000000000000999"), good.headers)
        expect(tampered.status).toBe(401)

        const old = Date.now() - 6 * 60 * 1000
        const stale = message(aeOrderId, { timestamp: old, message_id: "stale-1" })
        const staleResponse = await post(stale.body, { ...stale.headers, "x-ae-timestamp": String(old) })
        expect(staleResponse.status).toBe(400)
        expect(staleResponse.data.message).toMatch(/stale/i)

        const huge = message(aeOrderId, { padding: "x".repeat(70 * 1024) })
        const oversized = await post(huge.body, huge.headers)
        expect(oversized.status).toBe(413)

        await new Promise((r) => setTimeout(r, 500))
        expect((await bindings()).count).toBe(0)
      })
    })
  },
})
