#!/usr/bin/env node
/**
 * Browser tests of the AliExpress admin screens against a real stack:
 * a fresh PostgreSQL database, the AliExpress sandbox, `medusa start` in development mode (what `medusa develop` runs, minus its file watcher) with
 * the admin, and Debian's Chromium driven by playwright-core.
 * Prints `N passed, N failed` last and exits non-zero when a check fails.
 */
const { spawn, spawnSync } = require("child_process")
const fs = require("fs")
const net = require("net")
const path = require("path")
const { Client } = require("pg")

const root = path.resolve(__dirname, "../..")
const artifacts = path.join(root, "artifacts")
const shots = path.join(artifacts, "screenshots")
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
const APP_KEY = "browser-app-key"
const APP_SECRET = "browser-app-secret-0123456789"
const ADMIN_EMAIL = "admin@browser-test.local"
const ADMIN_PASSWORD = "browser-test-password"
const started = Date.now()

function loadEnvTest() {
  const file = path.join(root, ".env.test")
  const env = {}
  if (fs.existsSync(file)) {
    for (const line of fs.readFileSync(file, "utf8").split("\n")) {
      const m = line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/)
      if (m) env[m[1]] = m[2].replace(/^["']|["']$/g, "")
    }
  }
  return env
}

const fileEnv = loadEnvTest()
const DB = {
  host: process.env.DB_HOST || fileEnv.DB_HOST || "localhost",
  port: Number(process.env.DB_PORT || fileEnv.DB_PORT || 5432),
  user: process.env.DB_USERNAME || fileEnv.DB_USERNAME || "postgres",
  password: process.env.DB_PASSWORD || fileEnv.DB_PASSWORD || "postgres",
}
const dbName = `medusa_aliexpress_browser_${process.pid}`
const dbUrl = (name) =>
  `postgres://${encodeURIComponent(DB.user)}:${encodeURIComponent(DB.password)}@${DB.host}:${DB.port}/${name}`

const children = []
let medusaLog = ""
let sandboxLog = ""
const log = (msg) => process.stdout.write(`[browser ${((Date.now() - started) / 1000).toFixed(0)}s] ${msg}\n`)

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on("error", reject)
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

function start(name, command, args, env, onData) {
  const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true })
  const capture = (d) => {
    const text = d.toString()
    if (name === "medusa") medusaLog = (medusaLog + text).slice(-200000)
    if (name === "sandbox") sandboxLog = (sandboxLog + text).slice(-50000)
    if (onData) onData(text)
    if (process.env.BROWSER_VERBOSE) process.stdout.write(`[${name}] ${text}`)
  }
  child.stdout.on("data", capture)
  child.stderr.on("data", capture)
  child.on("exit", (code, signal) => {
    child.exited = true
    if (!stopping) log(`${name} exited (${signal || code})`)
  })
  children.push(child)
  return child
}

let stopping = false
async function stopAll() {
  stopping = true
  for (const child of children) {
    if (!child.exited) {
      try {
        process.kill(-child.pid, "SIGTERM")
      } catch {}
    }
  }
  const deadline = Date.now() + 8000
  while (children.some((c) => !c.exited) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200))
  }
  for (const child of children) {
    if (!child.exited) {
      try {
        process.kill(-child.pid, "SIGKILL")
      } catch {}
    }
  }
}

async function dropDatabase() {
  const client = new Client({ connectionString: dbUrl("postgres") })
  try {
    await client.connect()
    await client.query(`drop database if exists "${dbName}" with (force)`)
  } catch (e) {
    log(`could not drop ${dbName}: ${e.message}`)
  } finally {
    await client.end().catch(() => {})
  }
}

async function createDatabase() {
  const client = new Client({ connectionString: dbUrl("postgres") })
  await client.connect()
  await client.query(`drop database if exists "${dbName}" with (force)`)
  await client.query(`create database "${dbName}"`)
  await client.end()
}

async function waitFor(url, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {}
    if (children.some((c) => c.exited && c.critical)) throw new Error(`${what} died while starting`)
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${what} (${url}) did not answer within ${timeoutMs / 1000}s`)
}

function medusaCli(args, env, timeoutMs = 240000) {
  const bin = path.join(root, "node_modules", ".bin", "medusa")
  const res = spawnSync(bin, args, { cwd: root, env, encoding: "utf8", timeout: timeoutMs })
  if (res.status !== 0) {
    const tail = `${res.stdout || ""}\n${res.stderr || ""}`.split("\n").slice(-40).join("\n")
    throw new Error(`medusa ${args.join(" ")} failed (${res.status ?? res.signal}):\n${tail}`)
  }
  return res.stdout
}

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`)
    console.log("0 passed, 1 failed")
    process.exit(1)
  }
  fs.mkdirSync(shots, { recursive: true })

  const [medusaPort, sandboxPort] = [await freePort(), await freePort()]
  const medusaUrl = `http://localhost:${medusaPort}`
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`
  const seedOut = path.join(require("os").tmpdir(), `aliexpress-browser-seed-${process.pid}.json`)
  const env = {
    ...process.env,
    NODE_ENV: "development",
    PORT: String(medusaPort),
    DATABASE_URL: dbUrl(dbName),
    MEDUSA_BACKEND_URL: medusaUrl,
    ADMIN_CORS: medusaUrl,
    AUTH_CORS: medusaUrl,
    STORE_CORS: medusaUrl,
    ALIEXPRESS_ENCRYPTION_KEY: fileEnv.ALIEXPRESS_ENCRYPTION_KEY || "browser-test-encryption-key",
    DISABLE_MEDUSA_ADMIN: "false",
    MEDUSA_WORKER_MODE: "shared",
    BROWSER_SEED_OUT: seedOut,
    // Read AliExpress review verdicts back every few seconds rather than every five minutes.
    ALIEXPRESS_RECONCILE_CRON: "*/5 * * * * *",
  }
  // One process, in-memory bus and locks: the browser run needs no Redis.
  delete env.REDIS_URL

  log(`database ${dbName}`)
  await createDatabase()
  log("migrating")
  medusaCli(["db:migrate"], env, 300000)

  const images = start("images", process.execPath, ["-r", "ts-node/register/transpile-only", path.join(__dirname, "image-server-cli.ts")], {
    ...env,
    TS_NODE_COMPILER_OPTIONS: JSON.stringify({ module: "commonjs" }),
  })
  const imageBase = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("image server did not start")), 30000)
    images.stdout.on("data", (d) => {
      const m = d.toString().match(/IMAGE_SERVER_URL=(\S+)/)
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
  })
  env.BROWSER_IMAGE_BASE = imageBase

  const sandbox = start("sandbox", process.execPath, [
    path.join(root, "bin", "aliexpress-sandbox.js"),
    "--port", String(sandboxPort),
    "--app-key", APP_KEY,
    "--app-secret", APP_SECRET,
    "--seed", "demo",
    "--audit-delay-ms", "1500",
    "--reject-words", "Forbidden",
    "--push-url", `${medusaUrl}/hooks/aliexpress/push`,
  ], env)
  sandbox.critical = true
  await waitFor(`${sandboxUrl}/__sandbox/state`, 30000, "sandbox")

  log("seeding the store")
  medusaCli(["exec", "./integration-tests/browser/seed.ts"], env)
  medusaCli(["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], env)
  const seed = JSON.parse(fs.readFileSync(seedOut, "utf8"))
  fs.rmSync(seedOut, { force: true })

  // `medusa develop` is this same server behind a file watcher that restarts it on any
  // change in the repository (screenshots included), so the run starts the server directly.
  log(`starting medusa (development mode, admin enabled) on ${medusaUrl}`)
  const medusa = start("medusa", path.join(root, "node_modules", ".bin", "medusa"), ["start"], env)
  medusa.critical = true
  await waitFor(`${medusaUrl}/health`, 180000, "medusa")
  log("medusa is up")

  const { runChecks } = require("./checks")
  return await runChecks({
    medusaUrl,
    sandboxUrl,
    seed,
    shots,
    chromium: CHROMIUM,
    admin: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    app: { key: APP_KEY, secret: APP_SECRET },
    log,
    isMedusaAlive: () => !medusa.exited,
  })
}

function printTail() {
  // Request lines drown the errors: show the last other lines.
  const tail = medusaLog
    .split("\n")
    .filter((l) => !/^\S*http\S*:\s/.test(l.replace(/\x1b\[[0-9;]*m/g, "")))
    .slice(-80)
    .join("\n")
  if (tail.trim()) {
    console.log("---- medusa log (tail) ----")
    console.log(tail)
  }
  const sTail = sandboxLog.split("\n").slice(-20).join("\n")
  if (sTail.trim()) {
    console.log("---- sandbox log (tail) ----")
    console.log(sTail)
  }
}

let finished = false
async function finish(result) {
  if (finished) return
  finished = true
  await stopAll()
  if (!process.env.BROWSER_KEEP_DB) await dropDatabase()
  const { passed, failed } = result
  if (failed > 0) printTail()
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)}s`)
  console.log(`${passed} passed, ${failed} failed`)
  process.exit(failed > 0 ? 1 : 0)
}

// Last resort: never leave a server behind, whatever path the run ends on.
process.on("exit", () => {
  for (const child of children) {
    if (!child.exited) {
      try {
        process.kill(-child.pid, "SIGKILL")
      } catch {}
    }
  }
})

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => finish({ passed: 0, failed: 1 }))
}

const hardTimeout = setTimeout(() => {
  log("the browser run took longer than 20 minutes: stopping")
  finish({ passed: 0, failed: 1 })
}, Number(process.env.BROWSER_TIMEOUT_MS || 20 * 60 * 1000))
hardTimeout.unref()

main()
  .then((result) => finish(result))
  .catch((error) => {
    console.error(error && error.stack ? error.stack : error)
    finish({ passed: 0, failed: 1 })
  })
