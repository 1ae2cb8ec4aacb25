// The scheduled jobs must not fire in the middle of these tests: each test runs imports itself.
process.env.ALIEXPRESS_ORDER_IMPORT_CRON = "0 0 * * *"
process.env.ALIEXPRESS_SHIPMENT_PUSH_CRON = "0 0 * * *"

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { startSandbox } from "../../src/sandbox"
import { importAliExpressOrdersWorkflow } from "../../src/workflows/orders/workflows/import-orders"
import { createAdminHeaders } from "../helpers/admin-auth"
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, sandboxControl } from "../helpers/connect-sandbox"
import { ADDRESS, BUYER, placeSandboxOrder, prepareStore } from "./orders-support"

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
      ctx = await prepareStore(getContainer(), api, admin, sandbox.url)
    })

    it("imports a sandbox order as a paid Medusa order in the AliExpress channel, with stock reserved", async () => {
      const [a, b] = ctx.variants
      const aeOrderId = await placeSandboxOrder(sandbox.url, [
        { sku_code: a.sku, quantity: 2 },
        { sku_code: b.sku, quantity: 1 },
      ])

      const result = await importNow()
      console.log(JSON.stringify(result), JSON.stringify(await sandboxControl(sandbox.url, "/state")).slice(0, 1500))
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

      const { data } = await api.get(
        `/admin/orders/${binding.order_id}?fields=*items,*shipping_address,*customer,*sales_channel,*shipping_methods,total,subtotal,shipping_total,payment_status,fulfillment_status,currency_code,email,metadata`,
        admin
      )
      const order = data.order
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
      expect(order.shipping_methods[0].amount).toBe(4.5)
      expect(order.total).toBeCloseTo(19.99 * 3 + 4.5, 2)
      expect(order.payment_status).toBe("captured")
      expect(order.metadata).toMatchObject({
        aliexpress_order_id: aeOrderId,
        aliexpress_buyer_login_id: BUYER.login_id,
        aliexpress_status: "WAIT_SELLER_SEND_GOODS",
      })

      const reservations = await reservationsOf(order.id)
      expect(reservations.map((r: any) => Number(r.quantity)).sort()).toEqual([1, 2])

      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: linked } = await query.graph({
        entity: "order",
        fields: ["id", "aliexpress_order.ae_order_id"],
        filters: { id: order.id },
      })
      expect(linked[0].aliexpress_order.ae_order_id).toBe(aeOrderId)

      const byOrder = await api.get(`/admin/aliexpress/orders/by-order/${order.id}`, admin)
      expect(byOrder.data.aliexpress_order).toMatchObject({ ae_order_id: aeOrderId, status: "imported" })
    })

    it("creates one Medusa order when the import runs twice, and twice at once", async () => {
      await placeSandboxOrder(sandbox.url, [{ sku_code: ctx.variants[0].sku, quantity: 1 }])
      await placeSandboxOrder(sandbox.url, [{ sku_code: ctx.variants[1].sku, quantity: 1 }])

      const container = getContainer()
      const runs = await Promise.all([
        importAliExpressOrdersWorkflow(container).run({ input: { trigger: "manual" } }),
        importAliExpressOrdersWorkflow(container).run({ input: { trigger: "manual" } }),
      ])
      expect(runs.map((r) => r.result.imported).reduce((x: number, y: any) => x + y, 0)).toBe(2)
      await importNow()

      expect(await channelOrders()).toHaveLength(2)
      const list = await bindings()
      expect(list.count).toBe(2)
      expect(list.orders.every((o: any) => o.status === "imported")).toBe(true)
      for (const o of list.orders) {
        expect(await reservationsOf(o.order_id)).toHaveLength(1)
      }
    })
  },
})
