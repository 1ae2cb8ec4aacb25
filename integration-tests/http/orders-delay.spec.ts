// A real scheduled job at a fast cron (every 5 s): the delay it measures is the wait for the next tick plus the run.
process.env.ALIEXPRESS_ORDER_IMPORT_CRON = "*/5 * * * * *"
process.env.ALIEXPRESS_SHIPMENT_PUSH_CRON = "0 0 * * *"

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { startSandbox } from "../../src/sandbox"
import { createAdminHeaders } from "../helpers/admin-auth"
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, sandboxControl } from "../helpers/connect-sandbox"
import { placeSandboxOrder, prepareStore, waitFor } from "./orders-support"

jest.setTimeout(240 * 1000)

const CRON_PERIOD_MS = 5000
const DEFAULT_PERIOD_MS = 60_000
const SAMPLES = 3

let sandbox: { url: string; stop(): Promise<void> }

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, appKey: SANDBOX_APP_KEY, appSecret: SANDBOX_APP_SECRET, auditDelayMs: 0, rateLimitPerSecond: 1000 })
})
afterAll(async () => {
  await sandbox?.stop()
})

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    it("measures the delay from a sandbox order to the Medusa order, by schedule and by push", async () => {
      const admin = await createAdminHeaders(getContainer(), api)
      const ctx = await prepareStore(getContainer(), api, admin, sandbox.url)
      const service: any = getContainer().resolve("aliexpress")
      const bindingOf = async (aeOrderId: string) =>
        (await service.listAliExpressOrders({ ae_order_id: aeOrderId }, { take: 1 }))[0]

      const scheduled: Array<{ delay: number; wait: number; run: number }> = []
      for (let i = 0; i < SAMPLES; i++) {
        await new Promise((r) => setTimeout(r, Math.random() * CRON_PERIOD_MS))
        const placedAt = Date.now()
        const aeOrderId = await placeSandboxOrder(sandbox.url, [{ sku_code: ctx.variants[i % 4].sku, quantity: 1 }])
        // The next tick must run, as it would a full interval after the previous run.
        await service.updateAliExpressAccounts({ id: ctx.account.id, last_order_import_at: new Date(Date.now() - 5 * 60_000) })
        const binding = await waitFor(async () => {
          const b = await bindingOf(aeOrderId)
          return b?.status === "imported" ? b : null
        }, 30_000, 50)
        const seenAt = Date.now()
        // The run records itself just after the binding: wait for that record.
        const account = await waitFor(async () => {
          const a = await service.requireAccount()
          const finished = a.last_order_import_result?.finished_at
          return finished && new Date(finished).getTime() >= new Date(binding.imported_at).getTime() ? a : null
        }, 10_000, 20)
        const runStartedAt = new Date(account.last_order_import_result.window.to).getTime()
        scheduled.push({
          delay: seenAt - placedAt,
          wait: Math.max(0, runStartedAt - placedAt),
          run: new Date(binding.imported_at).getTime() - runStartedAt,
        })
      }

      const hook = `${api.defaults.baseURL.replace(/\/$/, "")}/hooks/aliexpress/push`
      await sandboxControl(sandbox.url, "/config", { push_url: hook })
      // The scheduled job must not race the push in this part.
      await service.updateAliExpressAccounts({ id: ctx.account.id, order_import_interval_minutes: 1440, last_order_import_at: new Date() })
      const pushed: number[] = []
      for (let i = 0; i < SAMPLES; i++) {
        const placedAt = Date.now()
        const aeOrderId = await placeSandboxOrder(sandbox.url, [{ sku_code: ctx.variants[i % 4].sku, quantity: 1 }])
        await waitFor(async () => (await bindingOf(aeOrderId))?.status === "imported", 30_000, 50)
        pushed.push(Date.now() - placedAt)
      }
      await sandboxControl(sandbox.url, "/config", { push_url: null })

      const run = mean(scheduled.map((s) => s.run))
      const report = {
        fast_cron_period_ms: CRON_PERIOD_MS,
        scheduled_samples: scheduled,
        scheduled_mean_delay_ms: Math.round(mean(scheduled.map((s) => s.delay))),
        import_run_mean_ms: Math.round(run),
        default_schedule_expected_mean_ms: Math.round(DEFAULT_PERIOD_MS / 2 + run),
        default_schedule_worst_ms: Math.round(DEFAULT_PERIOD_MS + run),
        push_samples_ms: pushed,
        push_mean_delay_ms: Math.round(mean(pushed)),
      }
      // The numbers are the point of this test: print them for the report.
      console.log(`ORDER DELAY ${JSON.stringify(report)}`)

      expect(scheduled.every((s) => s.delay < CRON_PERIOD_MS + 10_000)).toBe(true)
      expect(pushed.every((d) => d < 10_000)).toBe(true)
      expect(report.push_mean_delay_ms).toBeLessThan(report.scheduled_mean_delay_ms + 5_000)
    })
  },
})
