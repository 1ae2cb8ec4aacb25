/**
 * The admin at scale without a sync of that size: adds N listing rows straight into the listing
 * table of an existing, seeded database (a bench or demo database: it needs the AliExpress
 * account row), starts `medusa start` on it and times the Products page's and the overview's
 * requests (bench/admin.bench.ts).
 *
 *   node bench/admin-scale.js <database> [N=100000] [--no-insert]
 */
require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } })
const { spawn } = require("child_process")
const os = require("os")
const path = require("path")
const { insertListingRows } = require("./lib/listing-rows")
const { adminAtScale } = require("./admin.bench")
const { printTable } = require("./lib/report")

const [database, nArg] = process.argv.slice(2).filter((a) => !a.startsWith("--"))
if (!database) {
  console.error("usage: node bench/admin-scale.js <database> [N=100000] [--no-insert]")
  process.exit(2)
}
const n = Number(nArg || 100000)
const port = Number(process.env.PORT || 9377)
const root = path.join(__dirname, "..")
const url = `postgres://postgres@127.0.0.1:5432/${database}`
const admin = { email: "admin-scale@bench.local", password: "supersecret" }
const env = {
  ...process.env,
  DATABASE_URL: url,
  PGUSER: "postgres",
  DISABLE_MEDUSA_ADMIN: "true",
  ALIEXPRESS_ENCRYPTION_KEY: process.env.ALIEXPRESS_ENCRYPTION_KEY || "bench-encryption-key",
  LOG_LEVEL: "warn",
  PORT: String(port),
  // Nothing but the measured requests: no scheduled sync or import meanwhile.
  ALIEXPRESS_RECONCILE_CRON: "0 4 * * 0",
  ALIEXPRESS_ORDER_IMPORT_CRON: "0 4 * * 0",
}
delete env.REDIS_URL
const medusa = (args) => new Promise((resolve) => spawn("npx", ["medusa", ...args], { env, cwd: root, stdio: "ignore" }).on("exit", resolve))

;(async () => {
  if (!process.argv.includes("--no-insert")) {
    await medusa(["db:migrate"])
    await insertListingRows(url, n, `scale${Date.now()}`)
  }
  await medusa(["user", "-e", admin.email, "-p", admin.password])
  const server = spawn("npx", ["medusa", "start"], { env: { ...env, NODE_ENV: "development" }, cwd: root, stdio: "ignore", detached: true })
  try {
    const base = `http://localhost:${port}`
    for (let i = 0; i < 240; i++) {
      try {
        if ((await fetch(`${base}/health`)).ok) break
      } catch {}
      await new Promise((r) => setTimeout(r, 1000))
    }
    const login = await fetch(`${base}/auth/user/emailpass`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(admin) })
    const { token } = await login.json()
    const api = {
      get: async (p) => {
        const res = await fetch(base + p, { headers: { authorization: `Bearer ${token}` } })
        if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`)
        return res.json()
      },
    }
    const { overview } = await api.get("/admin/aliexpress/listings/overview")
    printTable(await adminAtScale(api, overview.total, 20))
    console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} on ${os.cpus().length} cores`)
  } finally {
    process.kill(-server.pid)
  }
})()
