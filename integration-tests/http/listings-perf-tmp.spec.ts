import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { startSandbox, type SandboxHandle } from "../../src/sandbox"
import { defaultTemplate } from "../../src/lib/mapping"
import { createAdminHeaders } from "../helpers/admin-auth"
import { connectSandbox, sandboxControl, SANDBOX_APP_KEY, SANDBOX_APP_SECRET } from "../helpers/connect-sandbox"
import http from "http"
import { COLORS, teeJpeg, teePng } from "../../scripts/lib/demo-images"
async function startImageServer() {
  const palette = Object.values(COLORS)
  const cache = new Map<string, Buffer>()
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]
    const seed = [...path].reduce((a, c) => (a * 31 + c.charCodeAt(0)) >>> 0, 7)
    const color = palette[seed % palette.length]
    const png = path.endsWith(".png")
    const key = `${png}:${seed % palette.length}`
    let body = cache.get(key)
    if (!body) { body = png ? teePng(color, 64) : teeJpeg(color, 64); cache.set(key, body) }
    res.writeHead(200, { "content-type": png ? "image/png" : "image/jpeg" }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as any
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise<void>((r) => server.close(() => r())) }
}
import { whenListingSyncIdle } from "../../src/workflows/listings/schedule-listing-sync"
import { createSeedProducts, sampleProductSeed, setupUsStore } from "../../scripts/lib/store-setup"

jest.setTimeout(900 * 1000)
const N = Number(process.env.PERF_N ?? 100)
let sandbox: SandboxHandle
let images: Awaited<ReturnType<typeof startImageServer>>
beforeAll(async () => {
  images = await startImageServer()
  sandbox = await startSandbox({ port: 0, appKey: SANDBOX_APP_KEY, appSecret: SANDBOX_APP_SECRET, auditDelayMs: 100, rateLimitPerSecond: 20 })
})
afterAll(async () => {
  await sandbox?.stop()
  await images?.stop()
})
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

medusaIntegrationTestRunner({
  inApp: true,
  env: { ALIEXPRESS_SYNC_DEBOUNCE_MS: "150" },
  testSuite: ({ api, getContainer }) => {
    it("times a first sync", async () => {
      const admin = await createAdminHeaders(getContainer(), api)
      const store = await setupUsStore(getContainer())
      let account = await connectSandbox(getContainer(), api, admin, sandbox.url, { stock_location_ids: [store.stockLocationId] })
      const base = defaultTemplate("Tees")
      await api.post("/admin/aliexpress/templates", { name: "Tees", is_default: true, fields: { ...base.fields,
        category_id: { source: "constant", value: 200000346 }, freight_template_id: { source: "constant", value: 1000 }, service_template_id: { source: "constant", value: 1001001 } } }, admin)
      const service: any = getContainer().resolve("aliexpress")
      await service.disconnect(account.id)
      for (let i = 0; i < N; i += 100) {
        await createSeedProducts(getContainer(), Array.from({ length: Math.min(100, N - i) }, (_, k) => sampleProductSeed(1000 + i + k, {
          images: [`${images.url}/tee-${i + k}-front.jpg`, `${images.url}/tee-${i + k}-back.png`] })), {
          salesChannelIds: [account.sales_channel_id], shippingProfileId: store.shippingProfileId, stockLocationId: store.stockLocationId })
      }
      await sleep(500)
      await whenListingSyncIdle()
      account = await connectSandbox(getContainer(), api, admin, sandbox.url)
      await sandboxControl(sandbox.url, "/reset", { seed: "demo" })
      const t0 = Date.now()
      await api.post("/admin/aliexpress/sync", {}, admin)
      let p: any
      for (;;) {
        p = (await api.get("/admin/aliexpress/sync", admin)).data.progress
        if (p && p.state !== "running" && Date.parse(p.started_at) >= t0 - 5) break
        await sleep(50)
      }
      const seconds = (Date.now() - t0) / 1000
      await whenListingSyncIdle()
      const st = await sandboxControl(sandbox.url, "/state")
      const total = Object.values(st.calls as Record<string, number>).reduce((a: number, b: number) => a + b, 0)
      const distinct = (await service.listAliExpressImages({})).length
      // eslint-disable-next-line no-console
      console.log(`PERF N=${N}: ${seconds.toFixed(1)} s, ${total} calls (calls/R ${(total / 20).toFixed(1)} s), distinct images ${distinct}, ${JSON.stringify(st.calls)} rejected=${JSON.stringify(st.rejected_calls ?? null)} progress=${JSON.stringify(p)}`)
      expect(p.state).toBe("done")
    })
  },
})
