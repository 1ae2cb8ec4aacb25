process.env.ALIEXPRESS_ORDER_IMPORT_CRON = "0 0 * * *"
process.env.ALIEXPRESS_SHIPMENT_PUSH_CRON = "0 0 * * *"

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { startSandbox } from "../../src/sandbox"
import { pushDueShipments } from "../../src/runners/shipment-push"
import { createAdminHeaders } from "../helpers/admin-auth"
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, sandboxControl } from "../helpers/connect-sandbox"
import { placeSandboxOrder, prepareStore, waitFor } from "./orders-support"

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
    let aeOrderId: string
    let order: any

    const sandboxOrder = async () =>
      (await sandboxControl(sandbox.url, "/state")).orders.find((o: any) => o.order_id === aeOrderId)
    const shipments = async (query = "") => (await api.get(`/admin/aliexpress/shipments${query}`, admin)).data
    const fulfil = async (itemIds: string[]) => {
      const { data } = await api.post(
        `/admin/orders/${order.id}/fulfillments?fields=fulfillments.id,fulfillments.items.line_item_id`,
        { items: itemIds.map((id) => ({ id, quantity: order.items.find((i: any) => i.id === id).quantity })) },
        admin
      )
      const known = new Set((order.fulfillments ?? []).map((f: any) => f.id))
      const created = data.order.fulfillments.find((f: any) => !known.has(f.id))
      order.fulfillments = data.order.fulfillments
      return created.id as string
    }
    const ship = async (fulfillmentId: string, trackingNumber: string) => {
      const fulfillment = order.fulfillments.find((f: any) => f.id === fulfillmentId)
      await api.post(
        `/admin/orders/${order.id}/fulfillments/${fulfillmentId}/shipments`,
        {
          items: fulfillment.items.map((i: any) => ({ id: i.line_item_id, quantity: 1 })),
          labels: [{ tracking_number: trackingNumber, tracking_url: "#", label_url: "#" }],
        },
        admin
      )
    }

    beforeEach(async () => {
      admin = await createAdminHeaders(getContainer(), api)
      const { store, variants } = await prepareStore(getContainer(), api, admin, sandbox.url)
      await api.post(
        "/admin/aliexpress/settings",
        { carrier_mapping: { [store.shippingOptionId]: "CAINIAO_STANDARD" } },
        admin
      )
      aeOrderId = await placeSandboxOrder(sandbox.url, [
        { sku_code: variants[0].sku, quantity: 1 },
        { sku_code: variants[1].sku, quantity: 1 },
      ])
      await api.post("/admin/aliexpress/orders/import", {}, admin)
      const { data } = await api.get("/admin/aliexpress/orders", admin)
      const { data: detail } = await api.get(`/admin/orders/${data.orders[0].order_id}?fields=*items,*fulfillments`, admin)
      order = detail.order
    })

    it("pushes a partial shipment as part and the rest as all, with the mapped carrier", async () => {
      const [first, second] = order.items.map((i: any) => i.id)
      await ship(await fulfil([first]), "RR123456789CN")
      await waitFor(async () => (await sandboxOrder()).shipments.length === 1)
      expect((await sandboxOrder()).shipments[0]).toMatchObject({
        service_name: "CAINIAO_STANDARD",
        logistics_no: "RR123456789CN",
        send_type: "part",
      })
      expect((await sandboxOrder()).status).toBe("SELLER_PART_SEND_GOODS")

      await ship(await fulfil([second]), "RR987654321CN")
      await waitFor(async () => (await sandboxOrder()).shipments.length === 2)
      expect((await sandboxOrder()).shipments[1]).toMatchObject({ logistics_no: "RR987654321CN", send_type: "all" })
      expect((await sandboxOrder()).status).toBe("WAIT_BUYER_ACCEPT_GOODS")

      const list = await shipments()
      expect(list.count).toBe(2)
      expect(list.shipments.every((s: any) => s.status === "sent" && s.attempts === 1)).toBe(true)
      const calls = (await sandboxControl(sandbox.url, "/state")).calls
      expect(calls["aliexpress.solution.order.fulfill"]).toBe(2)

      const byOrder = await api.get(`/admin/aliexpress/orders/by-order/${order.id}`, admin)
      expect(byOrder.data.aliexpress_order.shipment_push_status).toBe("sent")

      // The buyer confirms receipt: AliExpress finishes the order, and so does the binding.
      await sandboxControl(sandbox.url, `/orders/${aeOrderId}/status`, { action: "confirm" })
      await api.post("/admin/aliexpress/orders/import", {}, admin)
      const finished = await api.get(`/admin/aliexpress/orders/by-order/${order.id}`, admin)
      expect(finished.data.aliexpress_order).toMatchObject({ status: "imported", ae_status: "FINISH" })
      const { data: after } = await api.get(`/admin/orders/${order.id}?fields=status,metadata`, admin)
      expect(after.order.status).not.toBe("canceled")
      expect(after.order.metadata.aliexpress_status).toBe("FINISH")
    })

    it("a failing shipment push rings the admin's notification bell once, and its retry once more", async () => {
      const feed = async (title: string) =>
        (await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed" })).filter((n: any) => n.data?.title === title)
      await ship(await fulfil(order.items.map((i: any) => i.id)), "NOT-A-CAINIAO-NUMBER")
      const failed = await waitFor(async () => (await shipments("?status=failed")).shipments[0])
      const [notice] = await waitFor(async () => {
        const found = await feed("AliExpress shipment pushes are failing")
        return found.length && found
      })
      expect(notice.data.description).toMatch(/Tracking numbers are not reaching AliExpress/)
      const { data } = await api.get("/admin/aliexpress/overview", admin)
      expect(data.account.health.shipment_push).toMatchObject({ consecutive_failures: 1, last_failure_reason: expect.stringMatching(/logistics_no|tracking/i) })

      await api.post(`/admin/aliexpress/shipments/${failed.id}/retry`, { tracking_number: "RR555666777CN" }, admin)
      expect(await feed("AliExpress shipment pushes work again")).toHaveLength(1)
      expect(await feed("AliExpress shipment pushes are failing")).toHaveLength(1)
      expect((await api.get("/admin/aliexpress/overview", admin)).data.account.health.shipment_push.state).toBe("ok")
    })

    it("shows a tracking number AliExpress rejects as failed with its reason, and sends the correction", async () => {
      const fulfillmentId = await fulfil(order.items.map((i: any) => i.id))
      await ship(fulfillmentId, "NOT-A-CAINIAO-NUMBER")
      const failed = await waitFor(async () => (await shipments("?status=failed")).shipments[0])
      expect(failed).toMatchObject({ fulfillment_id: fulfillmentId, tracking_number: "NOT-A-CAINIAO-NUMBER", send_type: "all" })
      expect(failed.last_error_code).toBeTruthy()
      expect(failed.last_error).toMatch(/logistics_no|tracking/i)
      expect((await sandboxOrder()).shipments).toHaveLength(0)
      const listed = (await api.get("/admin/aliexpress/orders", admin)).data.orders[0]
      expect(listed.shipment_push_status).toBe("failed")

      const retried = await api.post(`/admin/aliexpress/shipments/${failed.id}/retry`, { tracking_number: "RR555666777CN" }, admin)
      expect(retried.data.shipment).toMatchObject({ status: "sent", pushed_tracking_number: "RR555666777CN", last_error: null })
      expect((await sandboxOrder()).shipments).toEqual([
        expect.objectContaining({ logistics_no: "RR555666777CN", send_type: "all", service_name: "CAINIAO_STANDARD" }),
      ])

      // A changed tracking number on a sent shipment modifies it instead of declaring a second one.
      const changed = await api.post(`/admin/aliexpress/shipments/${failed.id}/retry`, { tracking_number: "RR000111222CN" }, admin)
      expect(changed.data.shipment).toMatchObject({ status: "sent", pushed_tracking_number: "RR000111222CN" })
      expect((await sandboxOrder()).shipments).toEqual([expect.objectContaining({ logistics_no: "RR000111222CN" })])
      const unchanged = await api.post(`/admin/aliexpress/shipments/${failed.id}/retry`, {}, admin).catch((e: any) => e.response)
      expect(unchanged.status).toBe(400)
    })

    it("retries a push that failed for a passing reason, with backoff, from the job's workflow", async () => {
      await sandboxControl(sandbox.url, "/faults", { error_rate: 1 })
      await ship(await fulfil(order.items.map((i: any) => i.id)), "RR123123123CN")
      const pending = await waitFor(async () => {
        const row = (await shipments()).shipments[0]
        return row?.attempts === 1 ? row : null
      })
      expect(pending.status).toBe("pending")
      expect(new Date(pending.next_attempt_at).getTime()).toBeGreaterThan(Date.now())
      await sandboxControl(sandbox.url, "/faults", {})

      const notYet = await pushDueShipments(getContainer())
      expect(notYet.sent).toBe(0)
      const service: any = getContainer().resolve("aliexpress")
      await service.updateAliExpressShipments({ id: pending.id, next_attempt_at: new Date(Date.now() - 1000) })
      const due = await pushDueShipments(getContainer())
      expect(due.sent).toBe(1)
      expect((await sandboxOrder()).shipments).toEqual([expect.objectContaining({ logistics_no: "RR123123123CN" })])
    })

    it("creates fulfillments and shipments from an uploaded tracking CSV and pushes them", async () => {
      const csv = [
        "order_id,carrier,tracking_number",
        `${aeOrderId},UPS,1Z999AA10123456784`,
        "8200000000000099999,UPS,1Z999AA10123456785",
        "not-an-order,UPS,1Z999AA10123456786",
      ].join("\n")
      const { data } = await api.post("/admin/aliexpress/orders/tracking-upload", { csv }, admin)
      expect(data.ok).toBe(1)
      expect(data.results).toEqual([
        expect.objectContaining({ line: 2, ok: true, order_id: order.id }),
        expect.objectContaining({ line: 3, ok: false, error: expect.stringContaining("not been imported") }),
        expect.objectContaining({ line: 4, ok: false }),
      ])
      await waitFor(async () => (await sandboxOrder()).shipments.length === 1)
      expect((await sandboxOrder()).shipments[0]).toMatchObject({
        service_name: "UPS",
        logistics_no: "1Z999AA10123456784",
        send_type: "all",
      })
      const { data: detail } = await api.get(`/admin/orders/${order.id}?fields=fulfillment_status,*items`, admin)
      expect(detail.order.fulfillment_status).toBe("shipped")

      const again = await api.post("/admin/aliexpress/orders/tracking-upload", { csv: `${aeOrderId},UPS,1Z999AA10123456787` }, admin)
      expect(again.data.results[0]).toMatchObject({ ok: false, error: expect.stringContaining("already fulfilled") })
    })
  },
})
