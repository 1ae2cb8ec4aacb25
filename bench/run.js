#!/usr/bin/env node
/**
 * `npm run bench`: runs the benchmarks in bench/, prints one table (figure,
 * bound, ratio) and writes bench/results.json.
 *   --only mapping,sync,orders   which suites (default all)
 *   --n 1000                     products for the sync benchmarks (10000, 100000 by flag)
 *   --rate 20                    sandbox calls per second per method
 *   --m 500                      buyer orders for the order benchmark
 *   --seconds 3                  duration of the mapping benchmark
 *   --compare-memory             also run the first sync at 10N and compare peak memory
 *   --samples 30                 single changes / shipments timed for the delay figures
 *   --first-sync-only            sync suite: benchmark 2 only (for --n 100000)
 *   --heap-mib 1024              V8 heap limit of the Medusa server (0: V8's own default)
 */
require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } })
const fs = require("fs")
const path = require("path")

function parseFlags(argv) {
  const flags = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (!arg.startsWith("--")) continue
    const [key, inline] = arg.slice(2).split("=")
    const next = inline ?? (argv[i + 1] && !argv[i + 1].startsWith("--") ? argv[++i] : "true")
    flags[key] = next
  }
  return flags
}

const SUITES = {
  mapping: "./mapping.bench.ts",
  sync: "./sync.bench.ts",
  orders: "./orders.bench.ts",
}

async function main() {
  const flags = parseFlags(process.argv.slice(2))
  const only = (flags.only || Object.keys(SUITES).join(",")).split(",")
  const options = {
    n: Number(flags.n || 1000),
    rate: Number(flags.rate || 20),
    m: Number(flags.m || 500),
    seconds: Number(flags.seconds || 3),
    compareMemory: flags["compare-memory"] === "true",
    samples: Number(flags.samples || 30),
    firstSyncOnly: flags["first-sync-only"] === "true",
    heapMiB: Number(flags["heap-mib"] ?? 1024),
  }
  const results = []
  for (const name of only) {
    const file = SUITES[name]
    if (!file) throw new Error(`unknown suite ${name}; known: ${Object.keys(SUITES).join(", ")}`)
    if (!fs.existsSync(path.join(__dirname, file))) {
      console.error(`(suite ${name} is not present)`)
      continue
    }
    const suite = require(file)
    process.stderr.write(`\n== ${name} ==\n`)
    results.push(...(await suite.run(options)))
  }
  const { printTable } = require("./lib/report.ts")
  printTable(results)
  const out = { ran_at: new Date().toISOString(), machine: require("./lib/machine.ts").describeMachine(), options, results }
  fs.writeFileSync(path.join(__dirname, "results.json"), JSON.stringify(out, null, 2))
  console.log(`\nwrote bench/results.json`)
  process.exit(results.every((r) => r.pass !== false) ? 0 : 1)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
