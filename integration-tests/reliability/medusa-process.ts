import { spawn, spawnSync, type ChildProcess } from "child_process"
import net from "net"
import path from "path"
import { Client } from "pg"

export const root = path.resolve(__dirname, "../..")
const bin = path.join(root, "node_modules", ".bin", "medusa")

const DB = {
  host: process.env.DB_HOST || "localhost",
  port: Number(process.env.DB_PORT || 5432),
  user: process.env.DB_USERNAME || "postgres",
  password: process.env.DB_PASSWORD || "postgres",
}
export const dbUrl = (name: string) =>
  `postgres://${encodeURIComponent(DB.user)}:${encodeURIComponent(DB.password)}@${DB.host}:${DB.port}/${name}`

export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on("error", reject)
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: dbUrl("postgres") })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => {})
  }
}

export const createDatabase = (name: string) =>
  admin(async (c) => {
    await c.query(`drop database if exists "${name}" with (force)`)
    await c.query(`create database "${name}"`)
  })

export const dropDatabase = (name: string) => admin((c) => c.query(`drop database if exists "${name}" with (force)`)).catch(() => {})

/** Runs a medusa CLI command to completion; throws with the tail of its output when it fails. */
export function medusaCli(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 300_000): string {
  const res = spawnSync(bin, args, { cwd: root, env, encoding: "utf8", timeout: timeoutMs })
  if (res.status !== 0) {
    const tail = `${res.stdout || ""}\n${res.stderr || ""}`.split("\n").slice(-40).join("\n")
    throw new Error(`medusa ${args.join(" ")} failed (${res.status ?? res.signal}):\n${tail}`)
  }
  return res.stdout
}

export type MedusaProcess = {
  name: string
  child: ChildProcess
  log: () => string
  exited: () => boolean
  /** SIGKILL to the whole process group: no shutdown hook, no compensation runs. */
  kill: () => Promise<void>
  stop: () => Promise<void>
}

const running = new Set<MedusaProcess>()

/** `medusa start` from the repository root, in its own process group so a kill takes its children too. */
export function startMedusa(name: string, env: NodeJS.ProcessEnv): MedusaProcess {
  const child = spawn(bin, ["start"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true })
  let out = ""
  let done = false
  const capture = (d: Buffer) => {
    out = (out + d.toString()).slice(-4_000_000)
  }
  child.stdout!.on("data", capture)
  child.stderr!.on("data", capture)
  const exit = new Promise<void>((resolve) =>
    child.on("exit", () => {
      done = true
      resolve()
    })
  )
  const signal = async (sig: NodeJS.Signals, waitMs: number) => {
    if (done) return
    try {
      process.kill(-child.pid!, sig)
    } catch {}
    await Promise.race([exit, new Promise((r) => setTimeout(r, waitMs))])
  }
  const proc: MedusaProcess = {
    name,
    child,
    log: () => out,
    exited: () => done,
    kill: async () => {
      await signal("SIGKILL", 10_000)
      running.delete(proc)
    },
    stop: async () => {
      await signal("SIGTERM", 8_000)
      await signal("SIGKILL", 5_000)
      running.delete(proc)
    },
  }
  running.add(proc)
  return proc
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((p) => p.stop()))
}

const killAll = () => {
  for (const p of running) {
    try {
      process.kill(-p.child.pid!, "SIGKILL")
    } catch {}
  }
}
// Never leave a server behind, however the run ends (an interrupted jest included).
process.on("exit", killAll)
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    killAll()
    process.exit(1)
  })
}

export async function waitForHealth(url: string, proc: MedusaProcess, timeoutMs = 180_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    if (proc.exited()) throw new Error(`${proc.name} exited while starting:\n${proc.log().slice(-3000)}`)
    try {
      const res = await fetch(`${url}/health`)
      if (res.ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${proc.name} did not answer ${url}/health within ${timeoutMs / 1000}s:\n${proc.log().slice(-3000)}`)
}
