// The scheduled import job stays out of the way: each test drives the imports itself.
// Daily: a cron more than 24.8 days ahead overflows the scheduler's timer and fires it every millisecond.
process.env.ALIEXPRESS_ORDER_IMPORT_CRON = "0 0 * * *"

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { updateInventoryLevelsWorkflow, updateProductVariantsWorkflow } from "@medusajs/core-flows"
import { startSandbox } from "../../src/sandbox"
import { createAdminHeaders } from "../helpers/admin-auth"
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, sandboxControl } from "../helpers/connect-sandbox"
import { placeSandboxOrder, prepareStore, waitFor } from "./orders-support"

jest.setTimeout(300 * 1000)

/** Open orders already waiting on the seller account when the store connects; none matches a Medusa SKU. */
const BACKLOG = 150
const PUSHED = 5
const UNKNOWN_SKU = "RETIRED-TEE-XL"

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
    const binding = async (aeOrderId: string) =>
      (await api.get(`/admin/aliexpress/orders?q=${aeOrderId}&limit=1`, admin)).data.orders[0]
    const count = async (status: string) => (await api.get(`/admin/aliexpress/orders?status=${status}&limit=1`, admin)).data.count

    beforeEach(async () => {
      admin = await createAdminHeaders(getContainer(), api)
      ctx = await prepareStore(getContainer(), api, admin, sandbox.url, { extraSkus: [UNKNOWN_SKU], sandboxInventory: BACKLOG + 50 })
    })

    afterEach(async () => {
      await sandboxControl(sandbox.url, "/faults", {})
      await sandboxControl(sandbox.url, "/config", { push_url: null })
    })

    it("imports pushed orders ahead of a backlog draining under faults, then retries the held backlog on a back-off and at once when the SKU appears", async () => {
      for (let i = 0; i < BACKLOG; i++) {
        await placeSandboxOrder(sandbox.url, [{ sku_code: UNKNOWN_SKU, quantity: 1 }])
      }
      await sandboxControl(sandbox.url, "/faults", { error_rate: 0.2, latency_ms: 20 })
      await sandboxControl(sandbox.url, "/config", { push_url: `${api.defaults.baseURL}/hooks/aliexpress/push` })

      // The first import meets the whole backlog; new orders are pushed while it drains.
      let backlogDrained = false
      const backlogRun = importNow().finally(() => (backlogDrained = true))
      await waitFor(async () => (await count("held")) >= 10, 60000, 100)
      const delays: number[] = []
      const duringBacklog: boolean[] = []
      for (let i = 0; i < PUSHED; i++) {
        const placedAt = Date.now()
        const aeOrderId = await placeSandboxOrder(sandbox.url, [{ sku_code: ctx.variants[i % ctx.variants.length].sku, quantity: 1 }])
        const imported = await waitFor(async () => {
          const b = await binding(aeOrderId)
          return b?.status === "imported" && b
        }, 60000, 50)
        delays.push(Date.parse(imported.imported_at) - placedAt)
        duringBacklog.push(!backlogDrained)
      }
      const first = await backlogRun
      const heldNow = await count("held")
      expect(heldNow).toBeGreaterThan(BACKLOG / 2)
      // The pushed ones went ahead of a backlog still draining.
      expect(duringBacklog[0]).toBe(true)
      // How fast is the benchmarks' question (bench/orders.bench.ts, push under load); a shared
      // test machine only shows the order: pushed orders do not queue behind the backlog.
      console.log(`backlog of ${BACKLOG}: pushed orders imported in ${delays.map((d) => `${(d / 1000).toFixed(2)} s`).join(", ")}`)

      // Held orders wait for their back-off: the next run does not take them all again.
      await sandboxControl(sandbox.url, "/faults", {})
      const second = await importNow()
      // Only orders that failed in the storm may be taken again (their back-off is a minute, which
      // a slow first run outlasts, by the retry or through the window the failure kept open); one
      // of those still matches no SKU and is held again. No order held for its SKU is taken
      // before its own back-off.
      expect(second.retried ?? 0).toBeLessThanOrEqual(first.failed)
      expect(second.held ?? 0).toBeLessThanOrEqual(first.failed)
      const waiting = await binding((await api.get(`/admin/aliexpress/orders?status=held&limit=1`, admin)).data.orders[0].ae_order_id)
      expect(new Date(waiting.next_attempt_at).getTime()).toBeGreaterThan(Date.now())
      const overview = (await api.get("/admin/aliexpress/overview", admin)).data
      expect(overview.orders.backlog.waiting).toBeGreaterThanOrEqual(heldNow)
      expect(overview.orders.backlog.next_retry_at).toBeTruthy()

      // A variant gets the SKU the backlog waits for, with stock for all of it: imported at once.
      const variant = ctx.variants[0]
      await updateInventoryLevelsWorkflow(getContainer()).run({
        input: {
          updates: [
            { inventory_item_id: variant.inventory_items[0].inventory_item_id, location_id: ctx.store.stockLocationId, stocked_quantity: BACKLOG + 50 },
          ],
        },
      })
      await updateProductVariantsWorkflow(getContainer()).run({ input: { product_variants: [{ id: variant.id, sku: UNKNOWN_SKU }] } })
      await waitFor(async () => (await count("held")) === 0 && (await count("imported")) >= BACKLOG + PUSHED, 120000, 500)
    })
  },
})
