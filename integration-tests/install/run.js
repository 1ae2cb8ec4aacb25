#!/usr/bin/env node
/**
 * Installs the plugin into a fresh Medusa app the way the README says, and checks it works:
 *
 *   pack the plugin -> a throwaway app outside the repository with the same pinned @medusajs/*
 *   (npm install --prefer-offline: the npm cache serves it) and the tarball -> the README's
 *   plugin block in its medusa-config.ts -> medusa db:migrate -> medusa build -> medusa start
 *   (NODE_ENV=production, a free port) -> log in, the plugin's admin routes answer, the OAuth
 *   round trip against the packed sandbox connects, the built admin carries the plugin's pages
 *   -> remove the plugin, db:migrate --execute-safe-links (no prompt), build, start again.
 *
 * Prints `N passed, N failed` last and exits non-zero when a check fails. INSTALL_KEEP=1 keeps
 * the app folder and the database for a look afterwards.
 */
const { spawn, spawnSync } = require("child_process")
const fs = require("fs")
const net = require("net")
const os = require("os")
const path = require("path")
const { Client } = require("pg")
const { readmePluginsEntry } = require("./readme-config")

const root = path.resolve(__dirname, "../..")
const started = Date.now()
const log = (msg) => process.stdout.write(`[install ${((Date.now() - started) / 1000).toFixed(0)}s] ${msg}\n`)

const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"))
const ADMIN = { email: "admin@install-test.local", password: "install-test-password" }
const APP_KEY = "install-app-key"
const APP_SECRET = "install-app-secret-0123456789"
const ENCRYPTION_KEY = "install-test-encryption-key-0123456789"

const DB = {
  host: process.env.DB_HOST || "localhost",
  port: Number(process.env.DB_PORT || 5432),
  user: process.env.DB_USERNAME || "postgres",
  password: process.env.DB_PASSWORD || "postgres",
}
const dbName = `medusa_aliexpress_install_${process.pid}`
const dbUrl = (name) => `postgres://${encodeURIComponent(DB.user)}:${encodeURIComponent(DB.password)}@${DB.host}:${DB.port}/${name}`

const work = fs.mkdtempSync(path.join(os.tmpdir(), "aliexpress-install-"))
const app = path.join(work, "my-medusa-app")

let passed = 0
let failed = 0
function check(name, ok, detail = "") {
  if (ok) {
    passed++
    log(`ok   ${name}`)
  } else {
    failed++
    log(`FAIL ${name}${detail ? `: ${detail}` : ""}`)
  }
}

const children = []
function startProcess(name, command, args, options) {
  const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"], detached: true })
  child.output = ""
  const capture = (d) => {
    child.output = (child.output + d.toString()).slice(-100000)
    if (process.env.INSTALL_VERBOSE) process.stdout.write(`[${name}] ${d}`)
  }
  child.stdout.on("data", capture)
  child.stderr.on("data", capture)
  child.on("exit", () => (child.exited = true))
  children.push(child)
  return child
}

async function stop(child) {
  if (!child || child.exited) return
  try {
    process.kill(-child.pid, "SIGTERM")
  } catch {}
  const deadline = Date.now() + 10000
  while (!child.exited && Date.now() < deadline) await sleep(200)
  if (!child.exited) {
    try {
      process.kill(-child.pid, "SIGKILL")
    } catch {}
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

function run(command, args, options = {}) {
  const res = spawnSync(command, args, { encoding: "utf8", timeout: 600000, stdio: ["ignore", "pipe", "pipe"], ...options })
  if (res.status !== 0) {
    const tail = `${res.stdout || ""}\n${res.stderr || ""}`.split("\n").slice(-40).join("\n")
    throw new Error(`${command} ${args.join(" ")} failed (${res.status ?? res.signal}):\n${tail}`)
  }
  return res.stdout
}

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

async function waitFor(url, timeoutMs, child, what) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {}
    if (child && child.exited) throw new Error(`${what} exited while starting:\n${child.output.split("\n").slice(-40).join("\n")}`)
    await sleep(500)
  }
  throw new Error(`${what} (${url}) did not answer within ${timeoutMs / 1000}s`)
}

async function sql(statement, database = "postgres") {
  const client = new Client({ connectionString: dbUrl(database) })
  await client.connect()
  try {
    return await client.query(statement)
  } finally {
    await client.end().catch(() => {})
  }
}

/** The app a merchant has: Medusa's starter layout with this repository's pinned versions. */
function writeApp(tarball) {
  fs.mkdirSync(app, { recursive: true })
  const dev = pkg.devDependencies
  const medusa = Object.fromEntries(Object.entries(dev).filter(([name]) => name.startsWith("@medusajs/")))
  fs.writeFileSync(
    path.join(app, "package.json"),
    JSON.stringify(
      {
        name: "my-medusa-app",
        version: "0.0.1",
        private: true,
        scripts: { build: "medusa build", start: "medusa start" },
        dependencies: {
          ...medusa,
          "medusa-plugin-aliexpress": `file:${tarball}`,
        },
        devDependencies: {
          "@swc/core": dev["@swc/core"],
          "@types/node": dev["@types/node"],
          "@types/react": dev["@types/react"],
          "@types/react-dom": dev["@types/react-dom"],
          react: dev.react,
          "react-dom": dev["react-dom"],
          "ts-node": dev["ts-node"],
          typescript: dev.typescript,
        },
        engines: { node: ">=20" },
      },
      null,
      2
    )
  )
  fs.writeFileSync(
    path.join(app, "tsconfig.json"),
    JSON.stringify(
      {
        compilerOptions: {
          target: "ES2021",
          esModuleInterop: true,
          module: "Node16",
          moduleResolution: "Node16",
          emitDecoratorMetadata: true,
          experimentalDecorators: true,
          skipLibCheck: true,
          skipDefaultLibCheck: true,
          declaration: false,
          sourceMap: false,
          inlineSourceMap: true,
          outDir: "./.medusa/server",
          rootDir: "./",
          jsx: "react-jsx",
          forceConsistentCasingInFileNames: true,
          resolveJsonModule: true,
          checkJs: false,
          strictNullChecks: true,
        },
        "ts-node": { swc: true },
        include: ["**/*", ".medusa/types/*"],
        exclude: ["node_modules", ".medusa/server", ".medusa/admin", ".cache"],
      },
      null,
      2
    )
  )
  fs.mkdirSync(path.join(app, "src", "api"), { recursive: true })
  fs.writeFileSync(path.join(app, "src", "api", "README.md"), "The app's own routes would go here.\n")
}

/** medusa-config.ts as the starter has it, plus the README's plugin block (or none). */
function writeConfig(pluginsEntry) {
  fs.writeFileSync(
    path.join(app, "medusa-config.ts"),
    `import { loadEnv, defineConfig } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS!,
      adminCors: process.env.ADMIN_CORS!,
      authCors: process.env.AUTH_CORS!,
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
${pluginsEntry ? `  ${pluginsEntry},\n` : ""}})
`
  )
}

async function startApp(port, env) {
  const server = path.join(app, ".medusa", "server")
  // What `cd .medusa/server && npm install` gives, without a second install.
  const modules = path.join(server, "node_modules")
  if (!fs.existsSync(modules)) fs.symlinkSync(path.join(app, "node_modules"), modules, "dir")
  const child = startProcess("medusa", path.join(app, "node_modules", ".bin", "medusa"), ["start"], { cwd: server, env })
  await waitFor(`http://localhost:${port}/health`, 180000, child, "medusa start")
  return child
}

async function main() {
  const appEnv = (port) => {
    const url = `http://localhost:${port}`
    const env = {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: dbUrl(dbName),
      ALIEXPRESS_ENCRYPTION_KEY: ENCRYPTION_KEY,
      STORE_CORS: url,
      ADMIN_CORS: url,
      AUTH_CORS: url,
      JWT_SECRET: "install-test-jwt",
      COOKIE_SECRET: "install-test-cookie",
    }
    // Only what a merchant's shell would have: none of this repository's own settings.
    for (const key of Object.keys(env)) {
      if (/^(ALIEXPRESS_(?!ENCRYPTION_KEY$)|REDIS_URL$|MEDUSA_WORKER_MODE$|TEST_TYPE$|NODE_OPTIONS$)/.test(key)) delete env[key]
    }
    return env
  }

  log("building the plugin (medusa plugin:build, what npm pack's prepack runs)")
  run(path.join(root, "node_modules", ".bin", "medusa"), ["plugin:build"], { cwd: root })
  log(`packing it into ${work}`)
  const packed = JSON.parse(run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], { cwd: root }))[0]
  const tarball = path.join(work, packed.filename)
  const files = packed.files.map((f) => f.path)
  check("the package carries no development medusa-config", !files.some((f) => /medusa-config/.test(f)))
  check("the package carries no tests", !files.some((f) => /__tests__|\.spec\.|integration-tests/.test(f)))
  check("the package carries the server build, the admin and the sandbox command", ["bin/aliexpress-sandbox.js", ".medusa/server/src/admin/index.mjs", ".medusa/server/src/modules/aliexpress/index.js"].every((f) => files.includes(f)))
  const missingExports = Object.entries(pkg.exports)
    .flatMap(([key, target]) => (typeof target === "string" ? [[key, target]] : Object.values(target).map((t) => [key, t])))
    .filter(([, target]) => !target.includes("*") && !files.includes(target.replace(/^\.\//, "")))
  check("every export of package.json exists in the package", missingExports.length === 0, JSON.stringify(missingExports))

  const pluginsEntry = readmePluginsEntry()
  log(`creating ${app} with the README's plugin block:\n${pluginsEntry}`)
  writeApp(tarball)
  writeConfig(pluginsEntry)
  log("npm install --prefer-offline (served by the npm cache)")
  run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: app })
  const installedVersion = JSON.parse(fs.readFileSync(path.join(app, "node_modules/@medusajs/framework/package.json"), "utf8")).version
  check("the app has the pinned Medusa", installedVersion === pkg.devDependencies["@medusajs/framework"], installedVersion)

  await sql(`drop database if exists "${dbName}" with (force)`)
  await sql(`create database "${dbName}"`)
  const port = await freePort()
  const env = appEnv(port)
  const medusa = path.join(app, "node_modules", ".bin", "medusa")

  log("medusa db:migrate")
  run(medusa, ["db:migrate"], { cwd: app, env })
  const tables = (await sql("select table_name from information_schema.tables where table_name like 'aliexpress%' or table_name like '%aliexpress_order%'", dbName)).rows.map((r) => r.table_name)
  check("db:migrate created the plugin's tables and its order link", tables.includes("aliexpress_account") && tables.some((t) => /order.*aliexpress|aliexpress.*order_order/.test(t)), tables.join(", "))
  run(medusa, ["user", "-e", ADMIN.email, "-p", ADMIN.password], { cwd: app, env })

  // The options reach the plugin in the app: env defaults included, and a wrong one stops the boot.
  fs.writeFileSync(
    path.join(app, "print-aliexpress-options.js"),
    `const path = require("path")
module.exports.default = async ({ container }) => {
  const dir = path.dirname(require.resolve("medusa-plugin-aliexpress/package.json"))
  const { aliexpressOptions } = require(path.join(dir, ".medusa/server/src/modules/aliexpress/options.js"))
  const hide = ({ encryptionKey, ...rest }) => ({ ...rest, hasEncryptionKey: !!encryptionKey })
  console.log("OPTIONS=" + JSON.stringify({ booted: hide(aliexpressOptions()), service: hide(container.resolve("aliexpress").getOptions()) }))
}
`
  )
  const printed = run(medusa, ["exec", "./print-aliexpress-options.js"], {
    cwd: app,
    env: { ...env, ALIEXPRESS_REQUEST_TIMEOUT_MS: "4321", ALIEXPRESS_CALLS_PER_SECOND: "7", ALIEXPRESS_ORDER_IMPORT_CRON: "*/2 * * * *" },
  })
  const seen = JSON.parse((/OPTIONS=(.*)/.exec(printed) ?? [, "{}"])[1])
  for (const where of ["booted", "service"]) {
    const o = seen[where] ?? {}
    check(
      `the app's ${where === "booted" ? "jobs and workflows" : "module"} get the options and their environment defaults`,
      o.hasEncryptionKey === true && o.requestTimeoutMs === 4321 && o.rateLimit?.callsPerSecond === 7 && o.orderImportCron === "*/2 * * * *",
      JSON.stringify(o)
    )
  }
  const wrong = spawnSync(medusa, ["exec", "./print-aliexpress-options.js"], {
    cwd: app,
    env: { ...env, ALIEXPRESS_SYNC_BATCH_SIZE: "lots" },
    encoding: "utf8",
    timeout: 180000,
  })
  const wrongOut = `${wrong.stdout}\n${wrong.stderr}`
  check("a wrong option stops the app naming it", !/OPTIONS=/.test(wrongOut) && /syncBatchSize.*ALIEXPRESS_SYNC_BATCH_SIZE/.test(wrongOut), wrongOut.split("\n").slice(-10).join("\n"))

  log("medusa build")
  run(medusa, ["build"], { cwd: app, env })
  const assets = path.join(app, ".medusa", "server", "public", "admin")
  const bundle = listFiles(assets).filter((f) => f.endsWith(".js")).map((f) => fs.readFileSync(f, "utf8")).join("\n")
  for (const page of ["aliexpress", "aliexpress/settings", "aliexpress/mapping", "aliexpress/lookup-lists", "aliexpress/products", "aliexpress/orders"]) {
    check(`the built admin has the plugin's page /${page}`, bundle.includes(`"/${page}"`))
  }

  // The sandbox command ships in the package: the app's own bin runs it.
  const sandboxPort = await freePort()
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`
  const sandbox = startProcess("sandbox", path.join(app, "node_modules", ".bin", "aliexpress-sandbox"), ["--port", String(sandboxPort), "--app-key", APP_KEY, "--app-secret", APP_SECRET], { cwd: app, env })
  await waitFor(`${sandboxUrl}/__sandbox/state`, 30000, sandbox, "aliexpress-sandbox")

  log(`medusa start (NODE_ENV=production) on port ${port}`)
  let server = await startApp(port, env)
  const base = `http://localhost:${port}`
  const login = await fetch(`${base}/auth/user/emailpass`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ADMIN) })
  const { token } = await login.json()
  check("the admin logs in", login.ok && !!token)
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" }
  const call = async (method, url, body) => {
    const res = await fetch(`${base}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: "manual" })
    const text = await res.text()
    let json = null
    try {
      json = JSON.parse(text)
    } catch {}
    return { status: res.status, json, text, location: res.headers.get("location") }
  }

  const settings = await call("GET", "/admin/aliexpress/settings")
  check("GET /admin/aliexpress/settings answers", settings.status === 200 && settings.json && "settings" in settings.json, settings.text.slice(0, 200))
  const bad = await call("POST", "/admin/aliexpress/settings", { stock_buffer: "lots" })
  check("a bad setting answers 400 naming the field", bad.status === 400 && /stock_buffer/.test(bad.json?.message ?? ""), bad.text.slice(0, 200))
  const fields = await call("GET", "/admin/aliexpress/reference/fields")
  check("GET /admin/aliexpress/reference/fields answers", fields.status === 200 && Array.isArray(fields.json?.fields))
  const notConnected = await call("GET", "/admin/aliexpress/categories?parent_id=0")
  check("an AliExpress route before connecting says what to do", [400, 404].includes(notConnected.status) && /save the settings|not connected/.test(notConnected.json?.message ?? ""), notConnected.text.slice(0, 200))

  // Connect through the OAuth round trip, as the Connect button does.
  const saved = await call("POST", "/admin/aliexpress/settings", { gateway_url: sandboxUrl, app_key: APP_KEY, app_secret: APP_SECRET })
  check("saving the app key and secret works", saved.status === 200 && saved.json?.settings?.has_app_secret === true, saved.text.slice(0, 200))
  const startOauth = await call("POST", "/admin/aliexpress/oauth/start", {})
  const authorize = new URL(startOauth.json?.authorize_url ?? `${sandboxUrl}/none`)
  authorize.searchParams.set("action", "approve")
  const consent = await fetch(`${sandboxUrl}/oauth/authorize`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: authorize.searchParams.toString(),
    redirect: "manual",
  })
  const back = new URL(consent.headers.get("location") ?? "http://invalid/")
  const callback = await call("GET", `${back.pathname}${back.search}`)
  check("the OAuth round trip connects the account", callback.status === 302 && /connected=1/.test(callback.location ?? ""), `${callback.status} ${callback.location}`)
  const categories = await call("GET", "/admin/aliexpress/categories?parent_id=0")
  check("GET /admin/aliexpress/categories answers from AliExpress", categories.status === 200 && categories.json?.categories?.length > 0, categories.text.slice(0, 200))
  const overview = await call("GET", "/admin/aliexpress/overview")
  check("GET /admin/aliexpress/overview shows the connected account", overview.status === 200 && overview.json?.account?.status === "connected", overview.text.slice(0, 200))
  const adminPage = await fetch(`${base}/app`)
  check("the admin is served at /app", adminPage.ok && /<html/i.test(await adminPage.text()))
  await stop(server)
  await stop(sandbox)

  log("removing the plugin")
  writeConfig(null)
  run("npm", ["uninstall", "medusa-plugin-aliexpress", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: app })
  // With stdin closed a prompt could not be answered: this proves the flag needs none.
  run(medusa, ["db:migrate", "--execute-safe-links"], { cwd: app, env, timeout: 180000 })
  const kept = (await sql("select table_name from information_schema.tables where table_name = 'aliexpress_account'", dbName)).rows
  check("the plugin's tables stay after removing it", kept.length === 1)
  fs.rmSync(path.join(app, ".medusa", "server"), { recursive: true, force: true })
  run(medusa, ["build"], { cwd: app, env })
  server = await startApp(port, env)
  const relogin = await fetch(`${base}/auth/user/emailpass`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ADMIN) })
  const { token: token2 } = await relogin.json()
  headers.authorization = `Bearer ${token2}`
  const orders = await call("GET", "/admin/orders")
  check("without the plugin the app boots and its admin API answers", orders.status === 200, orders.text.slice(0, 200))
  const gone = await call("GET", "/admin/aliexpress/settings")
  check("without the plugin its routes are gone", gone.status === 404, String(gone.status))
  await stop(server)
}

function listFiles(dir) {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
}

let finished = false
async function finish(error) {
  if (finished) return
  finished = true
  if (error) {
    failed++
    console.error(error && error.stack ? error.stack : error)
    for (const child of children) {
      if (child.output) console.log(`---- ${child.spawnargs.slice(-3).join(" ")} (tail) ----\n${child.output.split("\n").slice(-40).join("\n")}`)
    }
  }
  for (const child of children) await stop(child)
  if (!process.env.INSTALL_KEEP) {
    await sql(`drop database if exists "${dbName}" with (force)`).catch((e) => log(`could not drop ${dbName}: ${e.message}`))
    // ~750 MB of node_modules take minutes to delete on a slow disk: done in the background.
    spawn("rm", ["-rf", work], { detached: true, stdio: "ignore" }).unref()
  } else {
    log(`kept ${app} and database ${dbName}`)
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)}s`)
  console.log(`${passed} passed, ${failed} failed`)
  process.exit(failed > 0 ? 1 : 0)
}

process.on("exit", () => {
  for (const child of children) {
    if (!child.exited) {
      try {
        process.kill(-child.pid, "SIGKILL")
      } catch {}
    }
  }
})
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => finish(new Error(`stopped by ${signal}`)))
const hardTimeout = setTimeout(() => finish(new Error("the install run took longer than 20 minutes")), 20 * 60 * 1000)
hardTimeout.unref()

main().then(() => finish(), finish)
