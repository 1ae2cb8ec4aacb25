import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createUserAccountWorkflow } from "@medusajs/core-flows"
import { Modules } from "@medusajs/framework/utils"
import { startSandbox, type SandboxHandle } from "../../src/sandbox"
import { createAdminHeaders } from "../helpers/admin-auth"

jest.setTimeout(120 * 1000)

const APP_KEY = "oauth-test-app"
const APP_SECRET = "oauth-test-secret-0123456789"

let sandbox: SandboxHandle

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, appKey: APP_KEY, appSecret: APP_SECRET })
})

afterAll(async () => {
  await sandbox?.stop()
})

const noFollow = { maxRedirects: 0, validateStatus: () => true }
const errorOf = (location: string) => new URL(location, "http://admin.invalid").searchParams.get("error")

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }

    beforeEach(async () => {
      admin = await createAdminHeaders(getContainer(), api)
      await api.post(
        "/admin/aliexpress/settings",
        { gateway_url: sandbox.url, app_key: APP_KEY, app_secret: APP_SECRET },
        admin
      )
    })

    /** Plays the seller on the sandbox consent page; returns where AliExpress sends the browser. */
    const consent = async (authorizeUrl: string, action: "approve" | "deny") => {
      const res = await fetch(authorizeUrl, { redirect: "manual" })
      expect(res.status).toBe(200)
      const params = new URL(authorizeUrl).searchParams
      params.set("action", action)
      const answer = await fetch(`${sandbox.url}/oauth/authorize`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: params.toString(),
        redirect: "manual",
      })
      expect(answer.status).toBe(302)
      return new URL(answer.headers.get("location")!)
    }

    const callback = (back: URL, headers = admin) =>
      api.get(`${back.pathname}${back.search}`, { ...headers, ...noFollow })

    it("builds the authorize URL with a server-side state", async () => {
      const { data } = await api.post("/admin/aliexpress/oauth/start", {}, admin)
      const url = new URL(data.authorize_url)
      expect(`${url.origin}${url.pathname}`).toBe(`${sandbox.url}/oauth/authorize`)
      expect(url.searchParams.get("response_type")).toBe("code")
      expect(url.searchParams.get("force_auth")).toBe("true")
      expect(url.searchParams.get("client_id")).toBe(APP_KEY)
      expect(url.searchParams.get("redirect_uri")).toMatch(/^http:\/\/[^/]+\/admin\/aliexpress\/oauth\/callback$/)
      expect(url.searchParams.get("state")!.length).toBeGreaterThanOrEqual(32)

      const again = await api.post("/admin/aliexpress/oauth/start", {}, admin)
      expect(new URL(again.data.authorize_url).searchParams.get("state")).not.toBe(url.searchParams.get("state"))
    })

    it("connects the account through the consent round trip, once per state", async () => {
      const { data } = await api.post("/admin/aliexpress/oauth/start", {}, admin)
      const back = await consent(data.authorize_url, "approve")
      expect(back.searchParams.get("code")).toBeTruthy()

      const res = await callback(back)
      expect(res.status).toBe(302)
      expect(res.headers.location).toBe("/app/aliexpress/settings?connected=1")

      const { data: read } = await api.get("/admin/aliexpress/settings", admin)
      expect(read.settings).toMatchObject({ is_connected: true, status: "connected" })
      expect(read.settings.seller_nick).toBeTruthy()
      expect(new Date(read.settings.access_token_expires_at).getTime()).toBeGreaterThan(Date.now())
      expect(read.settings.access_token).toMatch(/^\*+/)

      // A replayed callback must not be accepted a second time.
      const replay = await callback(back)
      expect(replay.status).toBe(302)
      expect(replay.headers.location).toMatch(/^\/app\/aliexpress\/settings\?error=/)
      expect(errorOf(replay.headers.location)).toMatch(/^This connection link expired/)
    })

    it("refuses a forged or missing state and changes nothing", async () => {
      await api.post("/admin/aliexpress/oauth/start", {}, admin)
      const forged = await api.get("/admin/aliexpress/oauth/callback?code=abc&state=not-ours", { ...admin, ...noFollow })
      expect(forged.status).toBe(302)
      expect(errorOf(forged.headers.location)).toMatch(/^This connection link expired/)

      const missing = await api.get("/admin/aliexpress/oauth/callback?code=abc", { ...admin, ...noFollow })
      expect(errorOf(missing.headers.location)).toMatch(/no authorization code/)

      const { data } = await api.get("/admin/aliexpress/settings", admin)
      expect(data.settings.is_connected).toBe(false)
    })

    it("refuses a state started by another admin", async () => {
      const auth = getContainer().resolve(Modules.AUTH)
      const other = { email: "second-admin@medusa-test.com", password: "second-admin-password" }
      const { authIdentity } = await auth.register("emailpass", { body: other } as any)
      await createUserAccountWorkflow(getContainer()).run({
        input: { authIdentityId: authIdentity!.id, userData: { email: other.email } },
      })
      const { data: login } = await api.post("/auth/user/emailpass", other)
      const otherAdmin = { headers: { authorization: `Bearer ${login.token}` } }

      const { data } = await api.post("/admin/aliexpress/oauth/start", {}, admin)
      const back = await consent(data.authorize_url, "approve")
      const res = await callback(back, otherAdmin)
      expect(errorOf(res.headers.location)).toMatch(/not started by you/)
      const { data: read } = await api.get("/admin/aliexpress/settings", admin)
      expect(read.settings.is_connected).toBe(false)
    })

    it("reports a seller who declines", async () => {
      const { data } = await api.post("/admin/aliexpress/oauth/start", {}, admin)
      const back = await consent(data.authorize_url, "deny")
      expect(back.searchParams.get("error")).toBe("access_denied")
      const res = await callback(back)
      expect(errorOf(res.headers.location)).toBe("AliExpress did not authorize the app: access_denied")
    })

    it("reports a code AliExpress rejects, with its message", async () => {
      const { data } = await api.post("/admin/aliexpress/oauth/start", {}, admin)
      const state = new URL(data.authorize_url).searchParams.get("state")!
      const res = await api.get(`/admin/aliexpress/oauth/callback?code=bogus-code&state=${state}`, { ...admin, ...noFollow })
      expect(res.status).toBe(302)
      expect(errorOf(res.headers.location)).toMatch(/^AliExpress refused the authorization: .+/)
      const { data: read } = await api.get("/admin/aliexpress/settings", admin)
      expect(read.settings.is_connected).toBe(false)
    })

    it("needs an admin session for every OAuth route", async () => {
      const start = await api.post("/admin/aliexpress/oauth/start", {}).catch((e: any) => e.response)
      expect(start.status).toBe(401)
      const cb = await api.get("/admin/aliexpress/oauth/callback?code=a&state=b", noFollow)
      expect(cb.status).toBe(401)
      const disconnect = await api.post("/admin/aliexpress/disconnect", {}).catch((e: any) => e.response)
      expect(disconnect.status).toBe(401)
    })

    it("summarises listings, orders and account health for the overview, without secrets", async () => {
      const { data } = await api.post("/admin/aliexpress/oauth/start", {}, admin)
      await callback(await consent(data.authorize_url, "approve"))
      const service: any = getContainer().resolve("aliexpress")
      const account = await service.getAccount()
      await service.createAliExpressListings([
        { account_id: account.id, product_id: "prod_a", product_title: "A", status: "live" },
        { account_id: account.id, product_id: "prod_b", product_title: "B", status: "live" },
        { account_id: account.id, product_id: "prod_c", product_title: "C", status: "invalid", problem_count: 2 },
        { account_id: account.id, product_id: null, ae_product_id: "1005", status: "live" },
      ])
      await service.createAliExpressOrders([{ account_id: account.id, ae_order_id: "8200", status: "held" }])

      const { data: overview } = await api.get("/admin/aliexpress/overview", admin)
      expect(overview.listings).toMatchObject({ total: 3, with_problems: 1 })
      expect(overview.listings.by_status).toMatchObject({ live: 2, invalid: 1, draft: 0 })
      expect(overview.orders.by_status).toMatchObject({ held: 1, imported: 0 })
      expect(overview.recent_listings.map((l: any) => l.product_id).sort()).toEqual(["prod_a", "prod_b", "prod_c"])
      expect(overview.account).toMatchObject({ status: "connected", is_connected: true })
      expect(new Date(overview.account.access_token_expires_at).getTime()).toBeGreaterThan(Date.now())
      const raw = JSON.stringify(overview)
      expect(raw).not.toContain(APP_SECRET)
      expect(raw).not.toMatch(/access_token"|refresh_token"|_encrypted/)
    })

    it("disconnects, forgetting the tokens but keeping the settings", async () => {
      const { data } = await api.post("/admin/aliexpress/oauth/start", {}, admin)
      await callback(await consent(data.authorize_url, "approve"))

      const res = await api.post("/admin/aliexpress/disconnect", {}, admin)
      expect(res.data.settings).toMatchObject({ is_connected: false, status: "disconnected", access_token: null, app_key: APP_KEY })

      const service: any = getContainer().resolve("aliexpress")
      const account = await service.getAccount()
      expect(account.access_token_encrypted).toBeNull()
      expect(account.refresh_token_encrypted).toBeNull()
    })
  },
})
