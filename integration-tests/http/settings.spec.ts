// The key this app had before a rotation: what it sealed must still open.
process.env.ALIEXPRESS_PREVIOUS_ENCRYPTION_KEYS = "previous-settings-key, another-old-key"

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createAdminHeaders } from "../helpers/admin-auth"
import { rememberSecret } from "../helpers/known-secrets"
import { connectSandbox, SANDBOX_APP_KEY, SANDBOX_APP_SECRET } from "../helpers/connect-sandbox"
import { createSecretCipher } from "../../src/modules/aliexpress/lib/secret-cipher"
import { startSandbox, type SandboxHandle } from "../../src/sandbox"

jest.setTimeout(120 * 1000)

const SECRET = "app-secret-0123456789-abcdef"
rememberSecret(SECRET)

const KEY_REASON = "stored secrets were encrypted with another key: enter the app secret again and reconnect"

let sandbox: SandboxHandle
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, appKey: SANDBOX_APP_KEY, appSecret: SANDBOX_APP_SECRET })
})
afterAll(async () => {
  await sandbox?.stop()
})

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }

    beforeEach(async () => {
      admin = await createAdminHeaders(getContainer(), api)
    })

    const validSettings = {
      gateway_url: "http://127.0.0.1:9100",
      app_key: "demo-app-key",
      app_secret: SECRET,
      stock_buffer: 2,
      max_quantity: 50,
      markup_percent: 10,
      order_import_interval_minutes: 1,
    }

    it("answers 401 without an admin session", async () => {
      const get = await api.get("/admin/aliexpress/settings").catch((e: any) => e.response)
      expect(get.status).toBe(401)
      const post = await api.post("/admin/aliexpress/settings", validSettings).catch((e: any) => e.response)
      expect(post.status).toBe(401)
    })

    it("round-trips the settings with the secret masked", async () => {
      const empty = await api.get("/admin/aliexpress/settings", admin)
      expect(empty.data.settings).toBeNull()

      const saved = await api.post("/admin/aliexpress/settings", validSettings, admin)
      expect(saved.status).toBe(200)
      expect(saved.data.settings).toMatchObject({
        gateway_url: "http://127.0.0.1:9100",
        app_key: "demo-app-key",
        stock_buffer: 2,
        max_quantity: 50,
        markup_percent: 10,
        has_app_secret: true,
      })
      expect(saved.data.settings.app_secret).toBe("********cdef")
      expect(JSON.stringify(saved.data)).not.toContain(SECRET)

      const read = await api.get("/admin/aliexpress/settings", admin)
      expect(JSON.stringify(read.data)).not.toContain(SECRET)
      expect(read.data.settings.app_secret).toBe("********cdef")
    })

    it("ignores a masked secret sent back and keeps the real one", async () => {
      await api.post("/admin/aliexpress/settings", validSettings, admin)
      await api.post("/admin/aliexpress/settings", { app_secret: "********cdef", stock_buffer: 5 }, admin)

      const service: any = getContainer().resolve("aliexpress")
      const account = await service.getAccount()
      expect(service.revealAppSecret(account)).toBe(SECRET)
      expect(account.stock_buffer).toBe(5)
    })

    it("stores the secret encrypted at rest", async () => {
      await api.post("/admin/aliexpress/settings", validSettings, admin)
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const rows = await knex.raw("select * from aliexpress_account")
      const raw = JSON.stringify(rows.rows)
      expect(rows.rows).toHaveLength(1)
      expect(raw).not.toContain(SECRET)
      expect(rows.rows[0].app_secret_encrypted).toMatch(/^v1:/)
    })

    /** Seals the account's secrets under `key`, as an app configured with that key would have. */
    const resealUnder = async (key: string) => {
      const service: any = getContainer().resolve("aliexpress")
      const [account] = await service.listAliExpressAccounts({})
      const current = createSecretCipher(process.env.ALIEXPRESS_ENCRYPTION_KEY)
      const other = createSecretCipher(key)
      const reseal = (sealed: string | null) => (sealed ? other.encrypt(current.decrypt(sealed)) : null)
      await service.updateAliExpressAccounts({
        id: account.id,
        app_secret_encrypted: reseal(account.app_secret_encrypted),
        access_token_encrypted: reseal(account.access_token_encrypted),
        refresh_token_encrypted: reseal(account.refresh_token_encrypted),
      })
    }

    const storedSeals = async () => {
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const { rows } = await knex.raw("select app_secret_encrypted, access_token_encrypted, refresh_token_encrypted, status, status_reason from aliexpress_account")
      return rows[0]
    }

    it("keeps the connection after a key change when the previous key is given, and seals again under the new key", async () => {
      await connectSandbox(getContainer(), api, admin, sandbox.url)
      await resealUnder("previous-settings-key")

      const settings = await api.get("/admin/aliexpress/settings", admin)
      expect(settings.data.settings).toMatchObject({ status: "connected", is_connected: true, has_app_secret: true })
      expect(settings.data.settings.app_secret).toBe(`********${SANDBOX_APP_SECRET.slice(-4)}`)

      // Every secret is sealed under the current key now: the previous key no longer opens them.
      const seals = await storedSeals()
      const current = createSecretCipher(process.env.ALIEXPRESS_ENCRYPTION_KEY)
      const previous = createSecretCipher("previous-settings-key")
      for (const field of ["app_secret_encrypted", "access_token_encrypted", "refresh_token_encrypted"]) {
        expect(current.open(seals[field]).stale).toBe(false)
        expect(() => previous.decrypt(seals[field])).toThrow()
      }
      expect(current.decrypt(seals.app_secret_encrypted)).toBe(SANDBOX_APP_SECRET)

      // And AliExpress calls still go through with the tokens.
      const categories = await api.get("/admin/aliexpress/categories?parent_id=0", admin)
      expect(categories.status).toBe(200)
      expect(categories.data.categories.length).toBeGreaterThan(0)
    })

    it("asks to reconnect when no key opens the stored secrets, and no route answers 500", async () => {
      await connectSandbox(getContainer(), api, admin, sandbox.url)
      await resealUnder("a-key-this-app-never-had")

      const settings = await api.get("/admin/aliexpress/settings", admin)
      expect(settings.status).toBe(200)
      expect(settings.data.settings).toMatchObject({
        status: "reconnect_needed",
        status_reason: KEY_REASON,
        is_connected: false,
        has_app_secret: false,
        app_secret: null,
      })
      const overview = await api.get("/admin/aliexpress/overview", admin)
      expect(overview.status).toBe(200)
      expect(overview.data.account).toMatchObject({ status: "reconnect_needed", status_reason: KEY_REASON })

      const calls: [string, string, unknown?][] = [
        ["get", "/admin/aliexpress/categories?parent_id=0"],
        ["get", "/admin/aliexpress/reference/freight-templates"],
        ["post", "/admin/aliexpress/oauth/start", {}],
        ["post", "/admin/aliexpress/sync", {}],
        ["post", "/admin/aliexpress/orders/import", {}],
        ["get", "/admin/aliexpress/listings"],
      ]
      for (const [method, url, body] of calls) {
        const res = await api.request({ method: method as any, url, data: body, ...admin, validateStatus: () => true })
        expect({ url, status: res.status }).toEqual({ url, status: expect.any(Number) })
        expect(res.status).toBeLessThan(500)
        expect(JSON.stringify(res.data)).not.toContain("An unknown error occurred")
      }

      // Entering the app secret again and reconnecting brings the account back.
      await connectSandbox(getContainer(), api, admin, sandbox.url)
      const back = await api.get("/admin/aliexpress/settings", admin)
      expect(back.data.settings).toMatchObject({ status: "connected", status_reason: null, has_app_secret: true })
      expect((await api.get("/admin/aliexpress/categories?parent_id=0", admin)).status).toBe(200)
    })

    it("rejects bad input naming the field, and changes nothing", async () => {
      await api.post("/admin/aliexpress/settings", validSettings, admin)
      const bad = await api
        .post("/admin/aliexpress/settings", { stock_buffer: "many" }, admin)
        .catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("stock_buffer")

      const unknown = await api
        .post("/admin/aliexpress/settings", { surprise: 1 }, admin)
        .catch((e: any) => e.response)
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toContain("surprise")

      const badUrl = await api
        .post("/admin/aliexpress/settings", { gateway_url: "not a url" }, admin)
        .catch((e: any) => e.response)
      expect(badUrl.status).toBe(400)
      expect(badUrl.data.message).toContain("gateway_url")

      const read = await api.get("/admin/aliexpress/settings", admin)
      expect(read.data.settings.stock_buffer).toBe(2)
      expect(read.data.settings.gateway_url).toBe("http://127.0.0.1:9100")
    })

    it("creates the AliExpress sales channel once and links it to the stock locations", async () => {
      const stockLocations = getContainer().resolve(Modules.STOCK_LOCATION)
      const location = await stockLocations.createStockLocations({ name: "Main warehouse" })

      const first = await api.post("/admin/aliexpress/settings", validSettings, admin)
      await api.post("/admin/aliexpress/settings", { stock_buffer: 3 }, admin)

      const salesChannels = getContainer().resolve(Modules.SALES_CHANNEL)
      const channels = await salesChannels.listSalesChannels({ name: "AliExpress" })
      expect(channels).toHaveLength(1)
      expect(first.data.settings.sales_channel_id).toBe(channels[0].id)

      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "sales_channel",
        fields: ["id", "stock_locations.id"],
        filters: { id: channels[0].id },
      })
      expect(data[0].stock_locations.map((l: any) => l.id)).toContain(location.id)
    })

    it("adopts a sales channel the merchant picks", async () => {
      const salesChannels = getContainer().resolve(Modules.SALES_CHANNEL)
      const mine = await salesChannels.createSalesChannels({ name: "Marketplaces" })
      const saved = await api.post(
        "/admin/aliexpress/settings",
        { ...validSettings, sales_channel_id: mine.id },
        admin
      )
      expect(saved.data.settings.sales_channel_id).toBe(mine.id)
      expect(await salesChannels.listSalesChannels({ name: "AliExpress" })).toHaveLength(0)
    })
  },
})
