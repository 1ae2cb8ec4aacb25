import fs from "fs"
import os from "os"
import path from "path"
import { Client } from "pg"
import Redis from "ioredis"
import { startSandbox, type SandboxHandle } from "../../src/sandbox"
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, sandboxControl } from "../helpers/connect-sandbox"
import { rememberSecret } from "../helpers/known-secrets"
import { startImageServer } from "../helpers/image-server"
import {
  createDatabase,
  dbUrl,
  dropDatabase,
  freePort,
  medusaCli,
  startMedusa,
  stopAll,
  waitForHealth,
  type MedusaProcess,
} from "./medusa-process"

/**
 * A real `medusa start` is SIGKILLed in the middle of a large listing sync and of an order
 * import, then started again; then the same database runs as one server plus one worker on
 * Redis. Whatever the interruption: one AliExpress product per SKU, one Medusa order per
 * AliExpress order, nothing stuck in a transient state, and each scheduled tick run once.
 */
jest.setTimeout(20 * 60 * 1000)

const PRODUCTS = Number(process.env.RELIABILITY_CRASH_PRODUCTS || 40)
const ORDERS = Number(process.env.RELIABILITY_CRASH_ORDERS || 16)
// Redis database 7 is this test's alone, so flushing it touches nobody else's keys.
const REDIS_URL = process.env.RELIABILITY_REDIS_URL || "redis://127.0.0.1:6379/7"
const ADMIN = { email: "admin@reliability.local", password: "reliability-password" }
const dbName = `medusa_aliexpress_reliability_${process.pid}`

let sandbox: SandboxHandle
let images: Awaited<ReturnType<typeof startImageServer>>
let db: Client
let baseEnv: NodeJS.ProcessEnv
let port: number
let url: string
let medusa: MedusaProcess
let seed: { salesChannelId: string; shippingProfileId: string; stockLocationId: string }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs: number, everyMs = 1000): Promise<T> {
  const end = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < end) {
    try {
      const v = await fn()
      if (v) return v
    } catch (e) {
      last = e
    }
    await sleep(everyMs)
  }
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}${last ? `: ${(last as Error).message}` : ""}`)
}
const rows = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows
const state = () => sandboxControl(sandbox.url, "/state")

async function boot(name: string, extra: NodeJS.ProcessEnv = {}): Promise<MedusaProcess> {
  const proc = startMedusa(name, { ...baseEnv, PORT: String(port), ...extra })
  await waitForHealth(url, proc)
  return proc
}

async function adminHeaders(): Promise<Record<string, string>> {
  const res = await fetch(`${url}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN),
  })
  const { token } = (await res.json()) as any
  return { authorization: `Bearer ${token}`, "content-type": "application/json" }
}

/** AliExpress products per SKU code, and the listings that are not settled. */
async function listingInvariants() {
  const s = await state()
  const perSku = new Map<string, number>()
  for (const p of s.products) for (const k of p.skus) perSku.set(k.sku_code, (perSku.get(k.sku_code) ?? 0) + 1)
  const listings = await rows(`select product_id, ae_product_id, status, post_started_at, sync_requested_at from aliexpress_listing where deleted_at is null`)
  return { s, perSku, listings }
}

beforeAll(async () => {
  images = await startImageServer()
  sandbox = await startSandbox({ port: 0, appKey: SANDBOX_APP_KEY, appSecret: SANDBOX_APP_SECRET, auditDelayMs: 0, rateLimitPerSecond: 1000, seed: "empty" } as any)
  port = await freePort()
  url = `http://localhost:${port}`
  rememberSecret(SANDBOX_APP_SECRET)
  const tokens = await sandboxControl(sandbox.url, "/tokens", {})
  rememberSecret(tokens.access_token)
  rememberSecret(tokens.refresh_token)
  baseEnv = {
    ...process.env,
    NODE_ENV: "development",
    DATABASE_URL: dbUrl(dbName),
    DISABLE_MEDUSA_ADMIN: "true",
    MEDUSA_WORKER_MODE: "shared",
    ALIEXPRESS_ENCRYPTION_KEY: process.env.ALIEXPRESS_ENCRYPTION_KEY || "reliability-test-encryption-key",
    ALIEXPRESS_RECONCILE_CRON: "*/4 * * * * *",
    ALIEXPRESS_ORDER_IMPORT_CRON: "*/2 * * * * *",
    ALIEXPRESS_SHIPMENT_PUSH_CRON: "*/5 * * * * *",
    ALIEXPRESS_SYNC_DEBOUNCE_MS: "200",
    ALIEXPRESS_SYNC_MIN_GAP_MS: "200",
    ALIEXPRESS_REQUEST_TIMEOUT_MS: "5000",
  }
  delete baseEnv.REDIS_URL
  delete baseEnv.TEST_TYPE
  await createDatabase(dbName)
  medusaCli(["db:migrate"], baseEnv)
  const seedOut = path.join(os.tmpdir(), `aliexpress-reliability-seed-${process.pid}.json`)
  medusaCli(["exec", "./integration-tests/reliability/seed.ts"], {
    ...baseEnv,
    // The seeding process must not start syncs of its own: the servers under test do that.
    ALIEXPRESS_SYNC_DEBOUNCE_MS: "600000",
    RELIABILITY_SANDBOX_URL: sandbox.url,
    RELIABILITY_APP_KEY: SANDBOX_APP_KEY,
    RELIABILITY_APP_SECRET: SANDBOX_APP_SECRET,
    RELIABILITY_TOKENS: JSON.stringify(tokens),
    RELIABILITY_SEED_PRODUCTS: String(PRODUCTS),
    RELIABILITY_IMAGE_BASE: images.url,
    RELIABILITY_SEED_OUT: seedOut,
  })
  seed = JSON.parse(fs.readFileSync(seedOut, "utf8"))
  fs.rmSync(seedOut, { force: true })
  medusaCli(["user", "-e", ADMIN.email, "-p", ADMIN.password], baseEnv)
  db = new Client({ connectionString: dbUrl(dbName) })
  await db.connect()
})

afterAll(async () => {
  await stopAll()
  await db?.end().catch(() => {})
  await dropDatabase(dbName)
  await sandbox?.stop()
  await images?.stop()
})

describe("a Medusa process killed with SIGKILL, then started again", () => {
  it("mid-sync: every product ends on AliExpress exactly once, nothing left pending", async () => {
    // Slow calls so the kill lands with posts in flight.
    await sandboxControl(sandbox.url, "/faults", { latency_ms: 250 })
    const first = await boot("medusa-1")
    const killedAt = await until("a third of the products posted", async () => {
      const n = (await state()).products.length
      return n >= PRODUCTS / 3 && n
    }, 240_000, 200)
    await first.kill()
    const atKill = (await state()).products.length
    expect(atKill).toBeLessThan(PRODUCTS)
    const inFlight = await rows(`select count(*)::int as n from aliexpress_listing where status = 'pending' or post_started_at is not null`)

    await sandboxControl(sandbox.url, "/faults", {})
    const second = await boot("medusa-2")
    const settled = await until(
      "every product listed once and settled after the restart",
      async () => {
        const inv = await listingInvariants()
        const posted = inv.listings.filter((l) => l.product_id && l.ae_product_id)
        const transient = inv.listings.filter((l) => ["pending", "draft", "error"].includes(l.status) || l.post_started_at)
        return posted.length === PRODUCTS && !transient.length && inv
      },
      240_000,
      2000
    )
    expect(settled.s.products).toHaveLength(PRODUCTS)
    expect([...settled.perSku.values()].filter((n) => n !== 1)).toEqual([])
    expect(settled.perSku.size).toBe(PRODUCTS * 4)
    expect(new Set(settled.listings.map((l) => l.ae_product_id)).size).toBe(PRODUCTS)
    // eslint-disable-next-line no-console
    console.log(`crash mid-sync: killed at ${killedAt}/${PRODUCTS} posted (${inFlight[0].n} in flight); converged with ${settled.s.products.length}`)
    medusa = second
  })

  it("mid-import: every AliExpress order becomes one Medusa order, no claim left importing", async () => {
    await sandboxControl(sandbox.url, "/clock", { advance_ms: 1000 })
    const onSale = (await state()).products.filter((p: any) => p.status === "onSelling")
    expect(onSale.length).toBeGreaterThanOrEqual(ORDERS)
    const placed: string[] = []
    for (let i = 0; i < ORDERS; i++) {
      const sku = onSale[i].skus[i % 4].sku_code
      placed.push(String((await sandboxControl(sandbox.url, "/orders", { items: [{ sku_code: sku, quantity: 1 }], shipping_amount: "4.50" })).order_id))
    }
    await sandboxControl(sandbox.url, "/faults", { latency_ms: 400 })
    const headers = await adminHeaders()
    void fetch(`${url}/admin/aliexpress/orders/import`, { method: "POST", headers, body: "{}" }).catch(() => null)
    const killedAt = await until("some orders imported", async () => {
      const [{ n }] = await rows(`select count(*)::int as n from aliexpress_order where status = 'imported'`)
      return n >= 2 && n
    }, 180_000, 200)
    await medusa.kill()
    const atKill = await rows(`select status, count(*)::int as n from aliexpress_order group by status`)
    expect(killedAt).toBeLessThan(ORDERS)

    await sandboxControl(sandbox.url, "/faults", {})
    medusa = await boot("medusa-3")
    // A claim the killed run left in `importing` is taken over once it is stale (two minutes).
    let open: unknown[] = []
    const done = await until(
      "every order imported once after the restart",
      async () => {
        const bindings = await rows(`select ae_order_id, order_id, status, last_error, attempts, updated_at from aliexpress_order`)
        open = bindings.filter((b) => b.status !== "imported" || !b.order_id)
        return bindings.length === ORDERS && !open.length && bindings
      },
      300_000,
      2000
    ).catch((e) => {
      const log = medusa.log().split("\n").filter((l) => /AliExpress|rror/.test(l)).slice(-30).join("\n")
      throw new Error(`${e.message}; open: ${JSON.stringify(open).slice(0, 2000)}\n${log}`)
    })
    expect(new Set(done.map((b) => b.ae_order_id))).toEqual(new Set(placed))
    expect(new Set(done.map((b) => b.order_id)).size).toBe(ORDERS)
    const orders = await rows(`select id from "order" where sales_channel_id = $1 and deleted_at is null`, [seed.salesChannelId])
    expect(orders).toHaveLength(ORDERS)
    // Each imported order reserved its stock once.
    const reservations = await rows(
      `select oi.order_id, count(distinct r.id)::int as n from reservation_item r
         join order_item oi on oi.item_id = r.line_item_id
       where r.deleted_at is null group by oi.order_id`
    )
    expect(reservations).toHaveLength(ORDERS)
    expect(reservations.filter((r) => r.n !== 1)).toEqual([])
    // eslint-disable-next-line no-console
    console.log(`crash mid-import: killed with ${JSON.stringify(atKill)}; ${done.length} orders imported once after the restart`)
    await medusa.stop()
  })

  it("server plus worker on Redis: each scheduled tick runs once, orders import once, products post once", async () => {
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 })
    await redis.connect()
    await redis.flushdb()
    await redis.quit()
    // In development mode the console shows no timestamps: each process also logs JSON lines to a file.
    const logFile = (name: string) => path.join(os.tmpdir(), `aliexpress-reliability-${process.pid}-${name}.log`)
    const readLog = (name: string) => (fs.existsSync(logFile(name)) ? fs.readFileSync(logFile(name), "utf8") : "")
    for (const name of ["server", "worker"]) fs.rmSync(logFile(name), { force: true })
    const env = { REDIS_URL, LOG_LEVEL: "debug" }
    const workerPort = await freePort()
    const server = await boot("server", { ...env, MEDUSA_WORKER_MODE: "server", LOG_FILE: logFile("server") })
    const worker = startMedusa("worker", { ...baseEnv, ...env, MEDUSA_WORKER_MODE: "worker", PORT: String(workerPort), LOG_FILE: logFile("worker") })
    await waitForHealth(`http://localhost:${workerPort}`, worker).catch(async () => {
      await until("the worker to run jobs", async () => /order import job tick/.test(readLog("worker")), 120_000)
    })
    const headers = await adminHeaders()

    // New products through the server's admin API: their events reach the worker through Redis.
    const before = (await state()).products.length
    for (let i = 1; i <= 3; i++) {
      const res = await fetch(`${url}/admin/products`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          title: `Scale Tee ${i}`,
          status: "published",
          description: `<p>Scale-out tee ${i}</p>`,
          weight: 200,
          length: 30,
          width: 25,
          height: 3,
          shipping_profile_id: seed.shippingProfileId,
          images: [{ url: `${images.url}/scale-${i}.jpg` }],
          thumbnail: `${images.url}/scale-${i}.jpg`,
          options: [
            { title: "Color", values: ["Red"] },
            { title: "Size", values: ["M"] },
          ],
          variants: [
            { title: "Red / M", sku: `SCALE${i}-RED-M`, options: { Color: "Red", Size: "M" }, manage_inventory: false, prices: [{ amount: 19.99, currency_code: "usd" }] },
          ],
          sales_channels: [{ id: seed.salesChannelId }],
          metadata: { brand: "Acme" },
          // The T-Shirts category requires Material and Origin.
          material: "Cotton",
          origin_country: "cn",
        }),
      })
      expect(res.status).toBe(200)
    }
    await until("the new products posted", async () => (await state()).products.length === before + 3, 120_000, 1000)

    // Orders, imported by the worker's job and by "import now" on the server at once.
    await sandboxControl(sandbox.url, "/clock", { advance_ms: 1000 })
    const onSale = (await state()).products.filter((p: any) => p.status === "onSelling" && p.skus[0].inventory > 2)
    const placed: string[] = []
    for (let i = 0; i < 4; i++) {
      placed.push(String((await sandboxControl(sandbox.url, "/orders", { items: [{ sku_code: onSale[i].skus[0].sku_code, quantity: 1 }] })).order_id))
    }
    await Promise.all([
      fetch(`${url}/admin/aliexpress/orders/import`, { method: "POST", headers, body: "{}" }),
      fetch(`${url}/admin/aliexpress/orders/import`, { method: "POST", headers, body: "{}" }),
    ])
    await until(
      "the new orders imported",
      async () => {
        const b = await rows(`select status from aliexpress_order where ae_order_id = any($1)`, [placed])
        return b.length === placed.length && b.every((x) => x.status === "imported")
      },
      120_000
    )

    // Count the ticks over a window: the cron fires every 2 s; each fire runs on one process, once.
    const mark = { server: readLog("server").length, worker: readLog("worker").length }
    await sleep(20_000)
    // Each fire is logged by the process that runs it ("executing scheduled job ..."), then the job's own line.
    const ticks = (log: string, what: string) =>
      log
        .split("\n")
        .filter((l) => l.includes(what))
        .flatMap((l) => {
          try {
            return [JSON.parse(l).timestamp as string]
          } catch {
            return []
          }
        })
    const FIRE = "executing scheduled job job-aliexpress-import-orders"
    const TICK = "AliExpress order import job tick"
    const serverLog = readLog("server").slice(mark.server)
    const workerLog = readLog("worker").slice(mark.worker)
    const workerFires = ticks(workerLog, FIRE)
    const workerTicks = ticks(workerLog, TICK)
    if (workerTicks.length < 3) {
      throw new Error(`only ${workerTicks.length} ticks on the worker; its log ends with:\n${readLog("worker").slice(-3000)}`)
    }
    expect(ticks(serverLog, FIRE)).toEqual([])
    expect(ticks(serverLog, TICK)).toEqual([])
    // Never twice for one fire: each fire runs the job once, and over 20 s a 2-s cron fires at
    // most 10 times (+2 for the window's edges); a doubled schedule would show about 20.
    // (Log timestamps have one-second resolution, so two fires can share one: count, don't dedupe.)
    // One tick more than fires is the window's start: a fire logged just before the mark whose
    // job line lands just after it.
    expect(workerTicks.length).toBeLessThanOrEqual(workerFires.length + 1)
    expect(workerFires.length).toBeLessThanOrEqual(12)
    const serverTicks = ticks(serverLog, TICK)

    const s = await state()
    const perSku = new Map<string, number>()
    for (const p of s.products) for (const k of p.skus) perSku.set(k.sku_code, (perSku.get(k.sku_code) ?? 0) + 1)
    expect([...perSku.values()].filter((n) => n !== 1)).toEqual([])
    const bindings = await rows(`select ae_order_id, count(*)::int as n from aliexpress_order group by ae_order_id`)
    expect(bindings.filter((b) => b.n !== 1)).toEqual([])
    const orders = await rows(`select id from "order" where sales_channel_id = $1`, [seed.salesChannelId])
    expect(orders).toHaveLength(ORDERS + placed.length)
    // eslint-disable-next-line no-console
    console.log(`scale-out: ${workerTicks.length} ticks on the worker and ${serverTicks.length} on the server in 20 s; ${s.products.length} products, ${orders.length} orders`)
    await Promise.all([server.stop(), worker.stop()])
    for (const name of ["server", "worker"]) fs.rmSync(logFile(name), { force: true })
  })

  it("keeps the listings' and orders' history on disconnect, and the module's migrations go down and up again", async () => {
    const count = async () => {
      const [r] = await rows(
        `select (select count(*) from aliexpress_listing)::int as listings, (select count(*) from aliexpress_order)::int as orders,
                (select count(*) from aliexpress_listing where ae_product_id is not null)::int as bound`
      )
      return r
    }
    const before = await count()
    expect(before.listings).toBeGreaterThan(0)
    const proc = await boot("medusa-4")
    const res = await fetch(`${url}/admin/aliexpress/disconnect`, { method: "POST", headers: await adminHeaders(), body: "{}" })
    expect(res.status).toBe(200)
    const body = (await res.json()) as any
    expect(body.settings).toMatchObject({ status: "disconnected", is_connected: false, access_token: null, refresh_token: null })
    await sleep(1000)
    expect(await count()).toEqual(before)
    const overview = (await (await fetch(`${url}/admin/aliexpress/overview`, { headers: await adminHeaders() })).json()) as any
    expect(overview.listings.total).toBe(before.bound)
    await proc.stop()

    const tables = async () =>
      (await rows(`select table_name from information_schema.tables where table_schema = 'public' and table_name like 'aliexpress\\_%' and table_name not like '%order_order%' order by 1`)).map(
        (r) => r.table_name
      )
    const all = await tables()
    expect(all).toEqual(
      expect.arrayContaining(["aliexpress_account", "aliexpress_image", "aliexpress_listing", "aliexpress_order", "aliexpress_shipment"])
    )
    // `db:rollback` reverts the module's latest migration: once per migration takes it all down,
    // newest first, the first migration's tables last.
    const migrations = fs.readdirSync(path.join(__dirname, "../../src/modules/aliexpress/migrations")).filter((f) => /^Migration\d+\.ts$/.test(f))
    for (let i = 0; i < migrations.length; i++) {
      medusaCli(["db:rollback", "aliexpress"], baseEnv)
      if (i < migrations.length - 1) {
        expect(await tables()).toEqual(expect.arrayContaining(["aliexpress_account", "aliexpress_listing", "aliexpress_order"]))
      }
    }
    expect(await tables()).toEqual([])
    medusaCli(["db:migrate"], baseEnv)
    expect(await tables()).toEqual(all)
    // The schema that came back is the one the models expect: the unique indexes are there again.
    const indexes = await rows(`select indexdef from pg_indexes where tablename in ('aliexpress_order', 'aliexpress_listing', 'aliexpress_shipment') and indexdef like '%UNIQUE%'`)
    expect(indexes.length).toBeGreaterThanOrEqual(4)
  })
})
