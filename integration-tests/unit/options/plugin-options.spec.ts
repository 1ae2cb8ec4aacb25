import fs from "fs"
import path from "path"
import {
  OPTION_ENV,
  PluginOptionsError,
  pluginOptionsSchema,
  resolvePluginOptions,
} from "../../../src/lib/plugin-options"
import { listingSyncConfig } from "../../../src/lib/listings/config"

const README = fs.readFileSync(path.join(__dirname, "../../../README.md"), "utf8")

/** The rows of the README's option table: option -> environment variable. */
function readmeOptionTable(): Record<string, string> {
  const section = README.slice(README.indexOf("### Options"))
  const table = section.slice(0, section.indexOf("\n\n", section.indexOf("| Option |")))
  const rows: Record<string, string> = {}
  for (const line of table.split("\n")) {
    const match = /^\| `([^`]+)` \| `([A-Z0-9_]+)` \|/.exec(line)
    if (match) rows[match[1]] = match[2]
  }
  return rows
}

describe("plugin options", () => {
  it("has defaults for everything but the encryption key", () => {
    const options = resolvePluginOptions({}, {})
    expect(options).toMatchObject({
      previousEncryptionKeys: [],
      rateLimit: { callsPerSecond: 20 },
      requestTimeoutMs: 20000,
      orderImportCron: "*/15 * * * * *",
      orderImportConcurrency: 4,
      reconcileCron: "*/5 * * * *",
      shipmentPushCron: "* * * * *",
      syncBatchSize: 100,
      syncPagesInFlight: 2,
      syncConcurrency: 40,
      syncDebounceMs: 2000,
      syncMinGapMs: 5000,
      auditRecheckMs: 60000,
    })
    expect(options.encryptionKey).toBeUndefined()
  })

  it("takes each missing option from its environment variable, and the option wins over it", () => {
    const env = {
      ALIEXPRESS_ENCRYPTION_KEY: "env-key",
      ALIEXPRESS_PREVIOUS_ENCRYPTION_KEYS: "old-1, old-2,",
      ALIEXPRESS_CALLS_PER_SECOND: "5",
      ALIEXPRESS_REQUEST_TIMEOUT_MS: "3000",
      ALIEXPRESS_ORDER_IMPORT_CRON: "*/3 * * * * *",
      ALIEXPRESS_ORDER_IMPORT_CONCURRENCY: "8",
      ALIEXPRESS_SYNC_DEBOUNCE_MS: "150",
    }
    const fromEnv = resolvePluginOptions({}, env)
    expect(fromEnv).toMatchObject({
      encryptionKey: "env-key",
      previousEncryptionKeys: ["old-1", "old-2"],
      rateLimit: { callsPerSecond: 5 },
      requestTimeoutMs: 3000,
      orderImportCron: "*/3 * * * * *",
      orderImportConcurrency: 8,
      syncDebounceMs: 150,
      // twice the rate, at least 4
      syncConcurrency: 10,
    })
    const given = resolvePluginOptions(
      { encryptionKey: "option-key", previousEncryptionKeys: ["a"], rateLimit: { callsPerSecond: 7 }, requestTimeoutMs: 9000 },
      env
    )
    expect(given).toMatchObject({
      encryptionKey: "option-key",
      previousEncryptionKeys: ["a"],
      rateLimit: { callsPerSecond: 7 },
      requestTimeoutMs: 9000,
    })
  })

  it("gives the listing sync the client's rate, so ALIEXPRESS_CALLS_PER_SECOND paces both", () => {
    const config = listingSyncConfig(resolvePluginOptions({}, { ALIEXPRESS_CALLS_PER_SECOND: "3" }))
    expect(config.callsPerSecond).toBe(3)
    expect(config.concurrency).toBe(6)
    expect(listingSyncConfig(resolvePluginOptions({ rateLimit: { callsPerSecond: { default: 9, "aliexpress.x": 2 } } }, {})).callsPerSecond).toBe(9)
  })

  it.each([
    [{ rateLimit: { callsPerSecond: -1 } }, {}, /option `rateLimit.callsPerSecond`/],
    [{ requestTimeoutMs: "soon" }, {}, /option `requestTimeoutMs`/],
    [{ orderImportConcurrency: 99 }, {}, /option `orderImportConcurrency`/],
    [{ orderImportCron: "every minute" }, {}, /option `orderImportCron`: must be a cron expression/],
    [{ encryptionKey: 42 }, {}, /option `encryptionKey`/],
    [{ previousEncryptionKeys: [""] }, {}, /option `previousEncryptionKeys.0`/],
    [{}, { ALIEXPRESS_SYNC_BATCH_SIZE: "lots" }, /option `syncBatchSize` \(from ALIEXPRESS_SYNC_BATCH_SIZE\)/],
    [{}, { ALIEXPRESS_REQUEST_TIMEOUT_MS: "-5" }, /option `requestTimeoutMs` \(from ALIEXPRESS_REQUEST_TIMEOUT_MS\)/],
    [{ encryptionkey: "typo" }, {}, /unknown option\(s\) `encryptionkey`/],
    [{ rateLimit: { perSecond: 3 } }, {}, /unknown option\(s\) `perSecond` in `rateLimit`/],
  ])("refuses %j (env %j), naming the option", (given, env, message) => {
    let error: unknown
    try {
      resolvePluginOptions(given as any, env as any)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(PluginOptionsError)
    expect((error as Error).message).toMatch(/^medusa-plugin-aliexpress: invalid plugin options/)
    expect((error as Error).message).toMatch(message)
  })

  it("matches the README's option table: every option with its environment variable, nothing more", () => {
    const table = readmeOptionTable()
    expect(table).toEqual(OPTION_ENV)
    // and the table covers every option of the schema
    const schemaOptions = Object.keys(pluginOptionsSchema.shape)
    const tableRoots = new Set(Object.keys(table).map((p) => p.split(".")[0]))
    expect([...tableRoots].sort()).toEqual([...schemaOptions].sort())
  })

  it("is read from the environment in one place only", () => {
    const offenders: string[] = []
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name)
        if (entry.isDirectory()) {
          if (entry.name !== "sandbox" && entry.name !== "__tests__") walk(full)
        } else if (/\.(ts|tsx)$/.test(entry.name) && !full.endsWith(path.join("lib", "plugin-options.ts"))) {
          if (/process\.env\.ALIEXPRESS_|env\[?["']?ALIEXPRESS_/.test(fs.readFileSync(full, "utf8"))) {
            offenders.push(path.relative(process.cwd(), full))
          }
        }
      }
    }
    walk(path.join(__dirname, "../../../src"))
    expect(offenders).toEqual([])
  })
})
