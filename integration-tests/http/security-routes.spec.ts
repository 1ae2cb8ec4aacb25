// AliExpress calls that hang give up quickly here; jobs stay out of the way.
process.env.ALIEXPRESS_REQUEST_TIMEOUT_MS = "1000"
process.env.ALIEXPRESS_ORDER_IMPORT_CRON = "0 0 * * *"
process.env.ALIEXPRESS_SHIPMENT_PUSH_CRON = "0 0 * * *"
process.env.ALIEXPRESS_RECONCILE_CRON = "0 0 * * *"

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import middlewares from "../../src/api/middlewares"
import { createAdminHeaders } from "../helpers/admin-auth"
import { listRoutes } from "../helpers/route-inventory"
import { connectSandbox, SANDBOX_APP_KEY, SANDBOX_APP_SECRET, sandboxControl } from "../helpers/connect-sandbox"
import { startSandbox, type SandboxHandle } from "../../src/sandbox"

jest.setTimeout(300 * 1000)

const adminRoutes = listRoutes("admin")

type BodyRoute = { matcher: string; method: string; schema: any; allowsUnknown?: boolean }

/** Every route whose body is validated, with its zod schema (see src/api/utils/validate-request.ts). */
function bodyRoutes(): BodyRoute[] {
  const routes = ((middlewares as any).routes ?? []) as any[]
  return routes.flatMap((route) => {
    const schema = (route.middlewares ?? []).find((m: any) => m?.bodySchema)?.bodySchema
    // defineMiddlewares turns `method` into `methods`.
    const methods = ([] as string[]).concat(route.methods ?? route.method ?? [])
    if (!schema || typeof route.matcher !== "string") return []
    return methods.map((method) => ({ matcher: route.matcher.replace(/:(\w+)/g, "test_$1"), method, schema }))
  })
}

/** Every route whose query string is validated, with its zod schema. */
function queryRoutes(): BodyRoute[] {
  const routes = ((middlewares as any).routes ?? []) as any[]
  return routes.flatMap((route) => {
    const validator = (route.middlewares ?? []).find((m: any) => m?.querySchema)
    if (!validator || typeof route.matcher !== "string") return []
    return [{ matcher: route.matcher.replace(/:(\w+)/g, "test_$1"), method: "GET", schema: validator.querySchema, allowsUnknown: validator.allowsUnknown }]
  })
}

function shapeOf(schema: any): Record<string, any> {
  let s = schema
  while (s && !s.shape && (s._zod?.def?.innerType || s._zod?.def?.in || s._zod?.def?.schema)) {
    s = s._zod.def.innerType ?? s._zod.def.in ?? s._zod.def.schema
  }
  return s?.shape ?? {}
}

const WRONG_TYPES = [{ nested: { deep: true } }, [1, 2, 3], 1234567, true]
const NASTY_STRINGS = [
  "x".repeat(100_000),
  "'; DROP TABLE aliexpress_account; --",
  "<script>alert(1)</script><img src=x onerror=alert(2)>",
  "javascript:alert(1)",
  "{{7*7}}${7*7}",
  "\u0000\uffff",
]

let sandbox: SandboxHandle
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, appKey: SANDBOX_APP_KEY, appSecret: SANDBOX_APP_SECRET })
})
afterAll(async () => {
  await sandbox?.stop()
})

/** Every way the sandbox's fault switch can make AliExpress fail, each on every call. */
const FAULTS: Record<string, Record<string, number>> = {
  "server errors": { error_rate: 1 },
  "lost answers": { lose_response_rate: 1 },
  "hung calls": { hang_rate: 1 },
  "malformed answers": { malformed_rate: 1 },
  "rate-limit bans": { ban_rate: 1 },
}

/** Routes that call AliExpress with a valid request, on top of the inventory's placeholders. */
const REMOTE_CALLS: [string, string, unknown?][] = [
  ["get", "/admin/aliexpress/categories?parent_id=0"],
  ["get", "/admin/aliexpress/reference/freight-templates"],
  ["get", "/admin/aliexpress/reference/service-templates"],
  ["get", "/admin/aliexpress/reference/logistics-services"],
  ["post", "/admin/aliexpress/orders/import", {}],
  ["post", "/admin/aliexpress/listings/import-existing", {}],
  ["post", "/admin/aliexpress/sync", {}],
]

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }

    beforeEach(async () => {
      admin = await createAdminHeaders(getContainer(), api)
    })

    it("finds the plugin's admin routes in src/api", () => {
      expect(adminRoutes.length).toBeGreaterThan(5)
      expect(adminRoutes.map((r) => r.url)).toContain("/admin/aliexpress/settings")
    })

    it("answers 401 on every admin route without an admin session", async () => {
      const failures: string[] = []
      for (const route of adminRoutes) {
        for (const method of route.methods) {
          const res = await api
            .request({ method: method.toLowerCase() as any, url: route.url, data: {}, maxRedirects: 0, validateStatus: () => true })
          if (res.status !== 401) {
            failures.push(`${method} ${route.url} -> ${res.status}`)
          }
        }
      }
      expect(failures).toEqual([])
    })

    it("answers malformed bodies with 400 naming the field, never 500, and changes nothing", async () => {
      await api.post(
        "/admin/aliexpress/settings",
        { gateway_url: "http://127.0.0.1:9", app_key: "fuzz-key", app_secret: "fuzz-secret-1234" },
        admin
      )
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const snapshot = async () => {
        const tables = await knex.raw(
          "select table_name from information_schema.tables where table_schema = 'public' and table_name like 'aliexpress_%' order by 1"
        )
        const parts: string[] = []
        for (const { table_name } of tables.rows) {
          const r = await knex.raw(`select count(*)::int as n, max(updated_at) as u from "${table_name}"`)
          parts.push(`${table_name}:${r.rows[0].n}:${r.rows[0].u}`)
        }
        return parts.join("|")
      }
      const before = await snapshot()
      const routes = bodyRoutes()
      expect(routes.length).toBeGreaterThan(3)

      const problems: string[] = []
      const send = async (route: BodyRoute, body: unknown) =>
        api.request({
          method: route.method.toLowerCase() as any,
          url: route.matcher,
          data: body,
          headers: admin.headers,
          validateStatus: () => true,
        })

      for (const route of routes) {
        const shape = shapeOf(route.schema)
        const fields = Object.keys(shape)
        const unknown = await send(route, { unexpected_field_xyz: 1 })
        if (unknown.status !== 400 || !String(unknown.data?.message).includes("unexpected_field_xyz")) {
          problems.push(`${route.method} ${route.matcher} unknown key -> ${unknown.status} ${unknown.data?.message}`)
        }
        for (const field of fields) {
          for (const bad of WRONG_TYPES) {
            if (shape[field].safeParse(bad).success) continue
            const res = await send(route, { [field]: bad })
            if (res.status >= 500) {
              problems.push(`${route.method} ${route.matcher} ${field}=${JSON.stringify(bad)} -> ${res.status}`)
            } else if (res.status !== 400 || !String(res.data?.message).includes(field)) {
              problems.push(`${route.method} ${route.matcher} ${field}: message does not name it: ${res.data?.message}`)
            }
          }
        }
      }
      expect(problems).toEqual([])
      expect(await snapshot()).toBe(before)

      // Strings that are well-typed but hostile must never crash a route.
      for (const route of routes) {
        for (const field of Object.keys(shapeOf(route.schema))) {
          for (const nasty of NASTY_STRINGS) {
            const res = await send(route, { [field]: nasty })
            if (res.status >= 500) {
              problems.push(`${route.method} ${route.matcher} ${field}=${nasty.slice(0, 20)} -> ${res.status}`)
            }
          }
        }
      }
      expect(problems).toEqual([])
    })

    it("answers malformed query strings with 400 naming the parameter, never 500", async () => {
      const routes = queryRoutes()
      expect(routes.length).toBeGreaterThan(2)
      const problems: string[] = []
      const get = (url: string, params: Record<string, string>) =>
        api.get(url, { ...admin, params, maxRedirects: 0, validateStatus: () => true })

      for (const route of routes) {
        const unknown = await get(route.matcher, { unexpected_param_xyz: "1" })
        if (unknown.status >= 500) {
          problems.push(`GET ${route.matcher} unknown param -> ${unknown.status}`)
        } else if (!route.allowsUnknown && (unknown.status !== 400 || !String(unknown.data?.message).includes("unexpected_param_xyz"))) {
          problems.push(`GET ${route.matcher} unknown param -> ${unknown.status} ${unknown.data?.message}`)
        }
        const shape = shapeOf(route.schema)
        for (const field of Object.keys(shape)) {
          for (const bad of ["-1", "not-a-number", "x".repeat(5000), "[object Object]"]) {
            if (shape[field].safeParse(bad).success) continue
            const res = await get(route.matcher, { [field]: bad })
            if (res.status >= 500 || (res.status === 400 && !String(res.data?.message).includes(field))) {
              problems.push(`GET ${route.matcher} ${field}=${bad.slice(0, 15)} -> ${res.status} ${res.data?.message}`)
            }
          }
          for (const nasty of NASTY_STRINGS.slice(1)) {
            const res = await get(route.matcher, { [field]: nasty })
            if (res.status >= 500) problems.push(`GET ${route.matcher} ${field}=${nasty.slice(0, 15)} -> ${res.status}`)
          }
        }
      }
      expect(problems).toEqual([])
    })

    it("never answers 500 while AliExpress fails in any way, and says what AliExpress said", async () => {
      const calls: [string, string, unknown?][] = [
        ...REMOTE_CALLS,
        ...adminRoutes
          .filter((route) => !route.url.endsWith("/disconnect"))
          .flatMap((route) => route.methods.map((m) => [m.toLowerCase(), route.url, {}] as [string, string, unknown])),
        // last, as it ends the connection
        ["post", "/admin/aliexpress/disconnect", {}],
      ]
      const problems: string[] = []
      try {
        for (const [fault, switches] of Object.entries(FAULTS)) {
          // Connected afresh for each kind of failure, so one kind cannot hide the next.
          await sandboxControl(sandbox.url, "/faults", {})
          await connectSandbox(getContainer(), api, admin, sandbox.url)
          await sandboxControl(sandbox.url, "/faults", switches)
          for (const [method, url, data] of calls) {
            const res = await api.request({ method: method as any, url, data, ...admin, maxRedirects: 0, validateStatus: () => true })
            const text = JSON.stringify(res.data ?? "")
            if (res.status === 500 || text.includes("An unknown error occurred") || /\bat \S+ \(.*:\d+:\d+\)/.test(text)) {
              problems.push(`${fault}: ${method.toUpperCase()} ${url} -> ${res.status} ${text.slice(0, 200)}`)
            }
          }
        }
      } finally {
        await sandboxControl(sandbox.url, "/faults", {})
      }
      expect(problems).toEqual([])

      // An upstream failure answers 502 with AliExpress' own words; a ban says to retry later.
      await connectSandbox(getContainer(), api, admin, sandbox.url)
      await sandboxControl(sandbox.url, "/faults", { error_rate: 1 })
      const failed = await api.get("/admin/aliexpress/categories?parent_id=0", { ...admin, validateStatus: () => true })
      await sandboxControl(sandbox.url, "/faults", { ban_rate: 1 })
      const banned = await api.get("/admin/aliexpress/reference/freight-templates", { ...admin, validateStatus: () => true })
      await sandboxControl(sandbox.url, "/faults", {})
      expect(failed.status).toBe(502)
      expect(failed.data.message).toMatch(/^AliExpress failed to answer: .*(temporarily unavailable|HTTP)/)
      expect(failed.data).not.toHaveProperty("stack")
      expect(banned.status).toBe(429)
      expect(banned.data.message).toMatch(/^AliExpress is limiting calls: retry in \d+ s/)
    })
  },
})
