#!/usr/bin/env node
/**
 * `npm run demo`: Medusa + this plugin + the AliExpress sandbox, seeded.
 * Reuses the data on a rerun; Ctrl-C stops everything it started.
 */
const { spawn, spawnSync } = require("child_process")
const path = require("path")
const fs = require("fs")
const { Client } = require("pg")

const root = path.resolve(__dirname, "..")
const PORT = process.env.PORT || "9000"
const SANDBOX_PORT = process.env.SANDBOX_PORT || "9100"
const DATABASE_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/medusa_aliexpress_demo"
const ADMIN_EMAIL = process.env.DEMO_ADMIN_EMAIL || "admin@example.com"
const ADMIN_PASSWORD = process.env.DEMO_ADMIN_PASSWORD || "supersecret"
const APP_KEY = process.env.ALIEXPRESS_APP_KEY || "demo-app-key"
const APP_SECRET = process.env.ALIEXPRESS_APP_SECRET || "demo-app-secret"
const sandboxUrl = `http://127.0.0.1:${SANDBOX_PORT}`
const medusaUrl = `http://localhost:${PORT}`

const env = {
  ...process.env,
  PORT,
  DATABASE_URL,
  ALIEXPRESS_SANDBOX_URL: sandboxUrl,
  ALIEXPRESS_APP_KEY: APP_KEY,
  ALIEXPRESS_APP_SECRET: APP_SECRET,
  MEDUSA_BACKEND_URL: medusaUrl,
  // No line per HTTP request: the demo's log keeps one line per phase (and per incident).
  LOG_LEVEL: process.env.LOG_LEVEL || "info",
}
const children = []
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")

function step(message) {
  process.stdout.write(`\n> ${message}\n`)
}

function run(args, { allowFailure = false } = {}) {
  const result = spawnSync(medusaBin, args, { cwd: root, env, stdio: "inherit" })
  if (result.status !== 0 && !allowFailure) {
    throw new Error(`medusa ${args.join(" ")} failed with exit code ${result.status}`)
  }
  return result.status === 0
}

function start(name, command, args) {
  const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true })
  child.stdout.on("data", (d) => process.stdout.write(`[${name}] ${d}`))
  child.stderr.on("data", (d) => process.stderr.write(`[${name}] ${d}`))
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal || code}); stopping the demo.`)
      stopAll(1)
    }
  })
  children.push(child)
  return child
}

let stopping = false
function stopAll(code = 0) {
  stopping = true
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGTERM")
    } catch {}
  }
  setTimeout(() => process.exit(code), 1500).unref()
}
process.on("SIGINT", () => stopAll(0))
process.on("SIGTERM", () => stopAll(0))

async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`)
}

/**
 * The sandbox's state belongs to the database the demo runs on (its products and orders match
 * that store): one file per database. The default database keeps the file it always had.
 */
function sandboxStateFile() {
  const url = new URL(DATABASE_URL)
  const name = url.pathname.replace(/^\//, "") || "postgres"
  const where = `${url.hostname}-${url.port || "5432"}-${name}`.replace(/[^A-Za-z0-9_.-]/g, "_")
  const file = path.join(root, ".demo", `sandbox-state-${where}.json`)
  const legacy = path.join(root, ".demo", "sandbox-state.json")
  if (!fs.existsSync(file) && fs.existsSync(legacy) && name === "medusa_aliexpress_demo") {
    fs.renameSync(legacy, file)
  }
  return file
}

async function ensureDatabase() {
  const url = new URL(DATABASE_URL)
  const name = url.pathname.replace(/^\//, "")
  url.pathname = "/postgres"
  const client = new Client({ connectionString: url.toString() })
  await client.connect()
  const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name])
  if (!rowCount) {
    await client.query(`create database "${name.replace(/"/g, '""')}"`)
    console.log(`Created database ${name}`)
  }
  await client.end()
}

/** The seed runs in its own short process, so the first listing sync is started here, as "Sync now" would. */
async function startFirstSync() {
  try {
    const login = await fetch(`${medusaUrl}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    })
    const { token } = await login.json()
    const sync = await fetch(`${medusaUrl}/admin/aliexpress/sync`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: "{}",
    })
    console.log(sync.ok ? "Started the first listing sync" : `The first listing sync did not start (${sync.status}); use Sync now in the admin`)
  } catch (error) {
    console.log(`The first listing sync did not start (${error.message}); use Sync now in the admin`)
  }
}

async function main() {
  step(`Database ${DATABASE_URL}`)
  await ensureDatabase()
  run(["db:migrate"])

  step(`AliExpress sandbox on ${sandboxUrl}`)
  fs.mkdirSync(path.join(root, ".demo"), { recursive: true })
  start("sandbox", process.execPath, [
    path.join(root, "bin", "aliexpress-sandbox.js"),
    "--port", SANDBOX_PORT,
    "--app-key", APP_KEY,
    "--app-secret", APP_SECRET,
    "--data", sandboxStateFile(),
    "--seed", "demo",
    "--push-url", `${medusaUrl}/hooks/aliexpress/push`,
    // A live app's 60-day authorisation: with a test app's 2 days the overview and the bell would
    // warn of its end from the first minute.
    "--refresh-ttl-sec", String(60 * 24 * 3600),
  ])
  await waitFor(`${sandboxUrl}/__sandbox/health`, 30000)

  step("Seeding the store (reused when already there)")
  run(["exec", "./scripts/seed-demo.ts"])
  if (run(["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], { allowFailure: true })) {
    console.log(`Created admin ${ADMIN_EMAIL}`)
  } else {
    console.log(`Admin ${ADMIN_EMAIL} already exists`)
  }

  step(`Medusa on ${medusaUrl}`)
  start("medusa", medusaBin, ["develop"])
  await waitFor(`${medusaUrl}/health`, 180000)
  await startFirstSync()

  console.log(`
Medusa admin:        ${medusaUrl}/app   (login ${ADMIN_EMAIL} / ${ADMIN_PASSWORD})
AliExpress settings: ${medusaUrl}/app/aliexpress
Sandbox API:         ${sandboxUrl}      (control API: ${sandboxUrl}/__sandbox/state)
Place a buyer order: curl -X POST ${sandboxUrl}/__sandbox/orders -H 'content-type: application/json' -d '{"items":[{"sku_code":"AE01-BLACK-M","quantity":1}]}'
Demo ready`)
}

main().catch((error) => {
  console.error(error.message || error)
  stopAll(1)
})
