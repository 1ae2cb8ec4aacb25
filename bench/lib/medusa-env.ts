import { spawn, type ChildProcess } from "child_process"
import fs from "fs"
import net from "net"
import os from "os"
import path from "path"
import { Client } from "pg"
import { keepAutovacuumsPace } from "./autovacuum"
import { startSandbox, type SandboxHandle, type SandboxOptions } from "../../src/sandbox"
import { startBenchImageServer } from "./image-server"
import { ProgressBar } from "./progress"
import { atStorePriority } from "./priority"

const root = path.resolve(__dirname, "..", "..")
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")
const PG_URL = process.env.BENCH_PG_URL || "postgres://postgres:postgres@127.0.0.1:5432"
const APP_KEY = "bench-app-key"
const APP_SECRET = "bench-app-secret-0123456789"
const ADMIN = { email: "bench@example.com", password: "bench-password-1" }

export type Api = {
  get(url: string): Promise<any>
  post(url: string, body?: unknown): Promise<any>
}

export type BenchEnv = {
  /** time bench/seed.ts took to seed the store (its own clock, from its start to the tokens) */
  seedMs: number
  medusaUrl: string
  sandbox: SandboxHandle
  api: Api
  /** the pid of the Medusa server process */
  pid: number
  logFile: string
  /** writes a line of the bench's own to the log, between the server's lines */
  note(line: string): void
  /** the server's V8 heap limit, when one was set */
  heapMiB?: number
  stop(): Promise<void>
}

export type BenchEnvOptions = {
  /** database suffix and log name */
  name: string
  rate: number
  products: number
  stock: number
  sandbox?: Partial<SandboxOptions>
  /** extra environment for the Medusa process (crons) */
  env?: Record<string, string>
  /**
   * V8 heap limit of the server, as a production deployment sets it (0: V8's default). Without one,
   * V8 lets the old generation grow to about four times the live heap before a full collection
   * (its growing factor for limits of 2 GiB and more), so the peak would measure the run's length.
   */
  heapMiB?: number
  /** stop once the store is seeded (no server): only `seedMs` of the result is set */
  seedOnly?: boolean
}

/** Environments still running: stopped on Ctrl-C or a kill, so no server outlives the run. */
const running = new Set<() => Promise<void>>()
let signalsHooked = false
function hookSignals(): void {
  if (signalsHooked) return
  signalsHooked = true
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, async () => {
      await Promise.all([...running].map((stop) => stop()))
      process.exit(130)
    })
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function freePort(): Promise<number> {
  const server = net.createServer()
  // All interfaces, as Medusa listens.
  await new Promise<void>((resolve) => server.listen(0, resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

async function recreateDatabase(name: string): Promise<string> {
  const client = new Client({ connectionString: `${PG_URL}/postgres` })
  await client.connect()
  await client.query(`drop database if exists "${name}" with (force)`)
  await client.query(`create database "${name}"`)
  await client.end()
  return `${PG_URL}/${name}`
}

/** Runs a medusa CLI command without blocking this process (the in-process sandbox must keep answering). */
function runMedusa(args: string[], env: NodeJS.ProcessEnv, log: fs.WriteStream, onLine?: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(...atStorePriority(medusaBin, args), { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] })
    let buffered = ""
    child.stdout.on("data", (d: Buffer) => {
      log.write(d)
      if (onLine) {
        buffered += d.toString()
        const lines = buffered.split("\n")
        buffered = lines.pop() ?? ""
        lines.forEach(onLine)
      }
    })
    child.stderr.on("data", (d: Buffer) => log.write(d))
    child.on("error", reject)
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`medusa ${args.join(" ")} exited with ${code}; see the log`))))
  })
}

function makeApi(baseUrl: string, token: () => string | null): Api {
  const call = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}${url}`, {
      method,
      headers: {
        "content-type": "application/json",
        ...(token() ? { authorization: `Bearer ${token()}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    const json = text ? JSON.parse(text) : null
    if (!res.ok) {
      throw new Error(`${method} ${url} answered ${res.status}: ${text.slice(0, 500)}`)
    }
    return json
  }
  return { get: (url) => call("GET", url), post: (url, body) => call("POST", url, body ?? {}) }
}

/**
 * A fresh database, the sandbox and an image server in this process, N seeded products, then
 * the Medusa server. The server is `medusa start` in development mode from the repository, which
 * is the process `medusa develop` forks, without develop's file watcher: other work in the
 * checkout must not restart it in the middle of a measurement.
 */
export async function startBenchEnv(options: BenchEnvOptions): Promise<BenchEnv> {
  const logFile = path.join(os.tmpdir(), `medusa-aliexpress-bench-${options.name}.log`)
  const log = fs.createWriteStream(logFile)
  const note = (line: string) => log.write(`${new Date().toISOString()} bench ${line}\n`)
  const cleanups: Array<() => Promise<void> | void> = []
  const stop = async () => {
    running.delete(stop)
    for (const fn of cleanups.reverse()) {
      try {
        await fn()
      } catch {}
    }
    cleanups.length = 0
    log.end()
  }
  hookSignals()
  running.add(stop)
  try {
    const databaseUrl = await recreateDatabase(`medusa_aliexpress_bench_${options.name}`)
    cleanups.push(keepAutovacuumsPace(databaseUrl, note))
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DISABLE_MEDUSA_ADMIN: "true",
      ALIEXPRESS_CALLS_PER_SECOND: String(options.rate),
      ALIEXPRESS_ENCRYPTION_KEY: "bench-encryption-key",
      LOG_LEVEL: process.env.LOG_LEVEL || "info",
      ...options.env,
    }
    // In-process event bus, locks and workflow engine unless asked otherwise: one server.
    if (!process.env.BENCH_REDIS) {
      delete env.REDIS_URL
    }

    const { seedMs, sandbox } = await seedStore(options, env, databaseUrl, log, logFile, cleanups)
    if (options.seedOnly) {
      await stop()
      return { seedMs } as BenchEnv
    }
    await runMedusa(["user", "-e", ADMIN.email, "-p", ADMIN.password], env, log)

    let medusaUrl = ""
    let server: ChildProcess | null = null
    // Other processes on the machine take random ports too: a lost race is retried on another one.
    for (let attempt = 1; !server; attempt++) {
      const port = await freePort()
      medusaUrl = `http://localhost:${port}`
      const started = await startServer(
        { ...env, ...heapLimit(options.heapMiB), PORT: String(port), MEDUSA_BACKEND_URL: medusaUrl, NODE_ENV: "development" },
        medusaUrl,
        log,
        logFile
      )
      cleanups.push(started.stop)
      if (started.child) {
        server = started.child
      } else if (attempt >= 3) {
        throw new Error(`Medusa could not get a free port; see ${logFile}`)
      }
    }

    let token: string | null = null
    const api = makeApi(medusaUrl, () => token)
    token = (await api.post("/auth/user/emailpass", ADMIN)).token
    return { seedMs, medusaUrl, sandbox, api, pid: server.pid!, logFile, note, heapMiB: options.heapMiB || undefined, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

/** Migrates the fresh database, starts the sandbox and the image server, and runs bench/seed.ts. */
async function seedStore(
  options: BenchEnvOptions,
  env: NodeJS.ProcessEnv,
  databaseUrl: string,
  log: fs.WriteStream,
  logFile: string,
  cleanups: Array<() => Promise<void> | void>
): Promise<{ seedMs: number; sandbox: SandboxHandle }> {
  process.stderr.write(`database ${databaseUrl}; logs in ${logFile}\n`)
  await runMedusa(["db:migrate"], env, log)

  const images = await startBenchImageServer()
  cleanups.push(() => images.stop())
  const sandbox = await startSandbox({ port: 0, appKey: APP_KEY, appSecret: APP_SECRET, rateLimitPerSecond: options.rate, ...options.sandbox })
  cleanups.push(() => sandbox.stop())

  const bar = new ProgressBar("seeding products", options.products)
  let seedMs = 0
  await runMedusa(
    ["exec", "./bench/seed.ts"],
    {
      ...env,
      // The seed allocates millions of short-lived ORM objects: a larger young generation
      // makes V8 collect them less often (about a sixth of the seed's CPU went to collections).
      NODE_OPTIONS: [env.NODE_OPTIONS, "--max-semi-space-size=64"].filter(Boolean).join(" "),
      BENCH_PRODUCTS: String(options.products),
      BENCH_STOCK: String(options.stock),
      BENCH_IMAGE_URL: images.url,
      BENCH_SANDBOX_URL: sandbox.url,
      BENCH_APP_KEY: APP_KEY,
      BENCH_APP_SECRET: APP_SECRET,
    },
    log,
    (line) => {
      const m = /^BENCH_SEEDED (\d+)\//.exec(line)
      if (m) bar.update(Number(m[1]))
      const took = /^BENCH_SEED_MS (\d+)/.exec(line)
      if (took) seedMs = Number(took[1])
    }
  )
  return { seedMs, sandbox }
}

function heapLimit(heapMiB: number | undefined): NodeJS.ProcessEnv {
  if (!heapMiB) return {}
  return { NODE_OPTIONS: [process.env.NODE_OPTIONS, `--max-old-space-size=${heapMiB}`].filter(Boolean).join(" ") }
}

/** Starts the server and waits for /health; `child` is null when the port was taken meanwhile. */
async function startServer(
  env: NodeJS.ProcessEnv,
  medusaUrl: string,
  log: fs.WriteStream,
  logFile: string
): Promise<{ child: ChildProcess | null; stop: () => Promise<void> }> {
  // `nice` replaces itself with the server: the child's pid is the server's.
  const child = spawn(...atStorePriority(medusaBin, ["start"]), { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true })
  let exited: number | null = null
  let portTaken = false
  const watch = (d: Buffer) => {
    log.write(d)
    if (d.toString().includes("EADDRINUSE")) portTaken = true
  }
  child.stdout!.on("data", watch)
  child.stderr!.on("data", watch)
  child.on("exit", (code) => (exited = code ?? -1))
  const stop = async () => {
    if (exited !== null) return
    try {
      process.kill(-child.pid!, "SIGTERM")
    } catch {}
    for (let i = 0; i < 50 && exited === null; i++) await sleep(100)
    if (exited === null) {
      try {
        process.kill(-child.pid!, "SIGKILL")
      } catch {}
    }
  }
  const deadline = Date.now() + 240_000
  for (;;) {
    if (portTaken) {
      await stop()
      return { child: null, stop }
    }
    if (exited !== null) throw new Error(`Medusa exited with ${exited} while starting; see ${logFile}`)
    if (Date.now() > deadline) throw new Error(`Medusa did not answer /health within 240 s; see ${logFile}`)
    try {
      if ((await fetch(`${medusaUrl}/health`)).ok) return { child, stop }
    } catch {}
    await sleep(500)
  }
}

/** Peak and current resident memory of a process, in MiB, from /proc/<pid>/status. */
export function memoryOf(pid: number): { peakMiB: number; rssMiB: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8")
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN)
  return { peakMiB: Math.round(kb("VmHWM") / 1024), rssMiB: Math.round(kb("VmRSS") / 1024) }
}

/** Polls until `check` returns a value (not undefined) or the timeout passes. */
export async function waitFor<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs: number, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s`)
    await sleep(intervalMs)
  }
}

export { sleep, APP_SECRET }
