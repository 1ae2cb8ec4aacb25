import { z } from "zod"

/**
 * Every option of the plugin, in one schema. The options come from the plugin entry in the
 * app's medusa-config (`plugins: [{ resolve: "medusa-plugin-aliexpress", options }]`); each
 * environment variable below is only the default of its option and is read here and nowhere
 * else. Validated when the module boots: a wrong value stops the boot naming the option.
 */

/** Option path -> the environment variable that gives its default. The README's table follows it. */
export const OPTION_ENV = {
  encryptionKey: "ALIEXPRESS_ENCRYPTION_KEY",
  previousEncryptionKeys: "ALIEXPRESS_PREVIOUS_ENCRYPTION_KEYS",
  "rateLimit.callsPerSecond": "ALIEXPRESS_CALLS_PER_SECOND",
  requestTimeoutMs: "ALIEXPRESS_REQUEST_TIMEOUT_MS",
  orderImportCron: "ALIEXPRESS_ORDER_IMPORT_CRON",
  orderImportConcurrency: "ALIEXPRESS_ORDER_IMPORT_CONCURRENCY",
  reconcileCron: "ALIEXPRESS_RECONCILE_CRON",
  shipmentPushCron: "ALIEXPRESS_SHIPMENT_PUSH_CRON",
  syncBatchSize: "ALIEXPRESS_SYNC_BATCH_SIZE",
  syncPagesInFlight: "ALIEXPRESS_SYNC_PAGES_IN_FLIGHT",
  syncConcurrency: "ALIEXPRESS_SYNC_CONCURRENCY",
  syncDebounceMs: "ALIEXPRESS_SYNC_DEBOUNCE_MS",
  syncMinGapMs: "ALIEXPRESS_SYNC_MIN_GAP_MS",
  auditRecheckMs: "ALIEXPRESS_AUDIT_RECHECK_MS",
} as const

export type OptionPath = keyof typeof OPTION_ENV

/** Five fields, or six with seconds first (what Medusa's scheduler accepts). */
const CRON = /^\S+(\s+\S+){4,5}$/
const cron = (fallback: string) =>
  z
    .string()
    .trim()
    .regex(CRON, "must be a cron expression of 5 fields (or 6, seconds first)")
    .default(fallback)

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max)

const callsPerSecond = z.union([
  z.coerce.number().positive().max(10000),
  z.record(z.string(), z.number().positive().max(10000)),
])

const keyList = z.preprocess(
  (value) =>
    typeof value === "string"
      ? value
          .split(",")
          .map((key) => key.trim())
          .filter(Boolean)
      : value,
  z.array(z.string().min(1, "must not be an empty key"))
)

export const pluginOptionsSchema = z
  .object({
    /** Key of AES-256-GCM for the app secret and tokens at rest (any long random string). */
    // An empty value (`ALIEXPRESS_ENCRYPTION_KEY=` in a .env file) counts as not set.
    encryptionKey: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(1).optional()),
    /** Keys secrets may still be sealed with: read, then sealed again under encryptionKey. */
    previousEncryptionKeys: keyList.default([]),
    rateLimit: z
      .object({ callsPerSecond: callsPerSecond.default(20) })
      .strict()
      .default({ callsPerSecond: 20 }),
    requestTimeoutMs: int(100, 600000).default(20000),
    // Every 15 s; the account's interval (default 1 minute) decides which ticks import, so a
    // failing import shows within the minute.
    orderImportCron: cron("*/15 * * * * *"),
    orderImportConcurrency: int(1, 16).default(4),
    reconcileCron: cron("*/5 * * * *"),
    shipmentPushCron: cron("* * * * *"),
    syncBatchSize: int(1, 1000).default(100),
    syncPagesInFlight: int(1, 4).default(2),
    /** Default: twice the rate, at least 4. */
    syncConcurrency: int(1, 200).optional(),
    syncDebounceMs: int(0, 600000).default(2000),
    syncMinGapMs: int(0, 600000).default(5000),
    auditRecheckMs: int(0, 86400000).default(60000),
  })
  .strict()

export type PluginOptionsInput = Partial<z.input<typeof pluginOptionsSchema>>
export type PluginOptions = z.output<typeof pluginOptionsSchema> & { syncConcurrency: number }

export class PluginOptionsError extends Error {
  constructor(readonly issues: string[]) {
    super(`medusa-plugin-aliexpress: invalid plugin options:\n  - ${issues.join("\n  - ")}`)
    this.name = "PluginOptionsError"
  }
}

function getPath(source: Record<string, unknown>, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as any)[key] : undefined), source)
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".")
  let node: Record<string, unknown> = target
  for (const key of keys.slice(0, -1)) {
    node[key] = node[key] && typeof node[key] === "object" ? { ...(node[key] as object) } : {}
    node = node[key] as Record<string, unknown>
  }
  node[keys[keys.length - 1]] = value
}

/** The option, or where its value came from when it came from the environment. */
function describe(path: string, fromEnv: Set<string>): string {
  const top = Object.keys(OPTION_ENV).find((p) => path === p || path.startsWith(`${p}.`)) as OptionPath | undefined
  return top && fromEnv.has(top) ? `option \`${path}\` (from ${OPTION_ENV[top]})` : `option \`${path}\``
}

/**
 * The options as the plugin uses them: what medusa-config gives, each missing one taken from
 * its environment variable, then defaults. Throws PluginOptionsError naming every wrong option.
 */
export function resolvePluginOptions(
  given: Record<string, unknown> | undefined | null = {},
  env: Record<string, string | undefined> = process.env
): PluginOptions {
  // Medusa adds its database settings to every module's options: they are not the plugin's.
  const { database: _database, ...raw }: Record<string, unknown> = { ...(given ?? {}) }
  const fromEnv = new Set<string>()
  for (const [path, name] of Object.entries(OPTION_ENV)) {
    const value = env[name]
    if (getPath(raw, path) === undefined && value !== undefined && value.trim() !== "") {
      setPath(raw, path, value)
      fromEnv.add(path)
    }
  }
  const parsed = pluginOptionsSchema.safeParse(raw)
  if (!parsed.success) {
    throw new PluginOptionsError(
      parsed.error.issues.map((issue) => {
        const path = issue.path.join(".")
        if (issue.code === "unrecognized_keys") {
          const where = path ? `\`${path}\`` : "the plugin options"
          return `unknown option(s) ${issue.keys.map((k) => `\`${k}\``).join(", ")} in ${where}; known options: ${Object.keys(pluginOptionsSchema.shape).join(", ")}`
        }
        return `${describe(path, fromEnv)}: ${issue.message}`
      })
    )
  }
  const options = parsed.data
  const rate = singleRate(options.rateLimit.callsPerSecond)
  return { ...options, syncConcurrency: options.syncConcurrency ?? Math.max(4, Math.ceil(rate * 2)) }
}

/** One number for the rate when it is given per method: its `default`, else the slowest method. */
export function singleRate(callsPerSecond: number | Record<string, number>): number {
  if (typeof callsPerSecond === "number") {
    return callsPerSecond
  }
  const rates = Object.values(callsPerSecond)
  return callsPerSecond.default ?? (rates.length ? Math.min(...rates) : 20)
}
