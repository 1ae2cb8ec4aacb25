import { startSandbox } from "./server"
import { SandboxOptions } from "./options"

const USAGE = `Usage: aliexpress-sandbox --app-key KEY --app-secret SECRET [options]

  --port N              port to listen on (default 9100; 0 = random)
  --host HOST           interface to bind (default 127.0.0.1)
  --data FILE           persist state to FILE (loaded when present)
  --seed demo|empty     seed data (default demo)
  --rate-limit N        calls per second per method and seller (default 20; 0 = unlimited)
  --audit-delay-ms N    time a product spends in audit (default 2000)
  --reject-words A,B    products whose subject contains one are rejected at audit
  --title-max-length N  subject length limit (default 128)
  --push-url URL        POST order status messages there
  --redirect-uri URL    the app's registered OAuth callback (default: any is accepted)
  --feed-delay-ms N     time a feed job takes from QUEUEING to FINISH (default 2000)
  --refresh-ttl-sec N   refresh token lifetime (default 172800, a test app's 2 days; live apps get 60 days)

The app key and secret may also come from ALIEXPRESS_APP_KEY / ALIEXPRESS_APP_SECRET.`

function parseArgs(argv: string[]): Record<string, string> {
  const args: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === "--help" || arg === "-h") {
      args.help = "true"
      continue
    }
    if (!arg.startsWith("--")) {
      throw new Error(`unexpected argument ${arg}`)
    }
    const eq = arg.indexOf("=")
    if (eq !== -1) {
      args[arg.slice(2, eq)] = arg.slice(eq + 1)
    } else {
      const value = argv[i + 1]
      if (value === undefined || value.startsWith("--")) {
        throw new Error(`${arg} needs a value`)
      }
      args[arg.slice(2)] = value
      i++
    }
  }
  return args
}

function toNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined) {
    return undefined
  }
  const n = Number(value)
  if (!Number.isFinite(n)) {
    throw new Error(`--${name} must be a number`)
  }
  return n
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  if (args.help) {
    console.log(USAGE)
    return
  }
  const appKey = args["app-key"] ?? process.env.ALIEXPRESS_APP_KEY
  const appSecret = args["app-secret"] ?? process.env.ALIEXPRESS_APP_SECRET
  if (!appKey || !appSecret) {
    console.error(USAGE)
    process.exitCode = 2
    return
  }
  const options: SandboxOptions = {
    appKey,
    appSecret,
    port: toNumber(args.port, "port") ?? 9100,
    host: args.host,
    dataFile: args.data,
    seed: args.seed as SandboxOptions["seed"],
    rateLimitPerSecond: toNumber(args["rate-limit"], "rate-limit"),
    auditDelayMs: toNumber(args["audit-delay-ms"], "audit-delay-ms"),
    titleMaxLength: toNumber(args["title-max-length"], "title-max-length"),
    rejectWords: args["reject-words"]?.split(",").map((w) => w.trim()).filter(Boolean),
    pushUrl: args["push-url"],
    redirectUri: args["redirect-uri"],
    feedDelayMs: toNumber(args["feed-delay-ms"], "feed-delay-ms"),
    refreshTokenTtlSec: toNumber(args["refresh-ttl-sec"], "refresh-ttl-sec"),
    logger: { info: console.log, warn: console.warn, error: console.error },
  }
  for (const key of Object.keys(options) as (keyof SandboxOptions)[]) {
    if (options[key] === undefined) {
      delete options[key]
    }
  }
  const sandbox = await startSandbox(options)
  console.log(`AliExpress sandbox listening on ${sandbox.url}`)
  const shutdown = (): void => {
    void sandbox.stop().then(() => process.exit(0))
  }
  process.once("SIGINT", shutdown)
  process.once("SIGTERM", shutdown)
}

main().catch((error: Error) => {
  console.error(`aliexpress-sandbox: ${error.message}`)
  process.exit(1)
})
