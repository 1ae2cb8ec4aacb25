import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createAdminHeaders } from "../helpers/admin-auth"
import { rememberSecret } from "../helpers/known-secrets"

jest.setTimeout(120 * 1000)

const SECRET = "app-secret-0123456789-abcdef"
rememberSecret(SECRET)

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
