import { memoryOf, sleep, startBenchEnv } from "./lib/medusa-env"
import { syncNow } from "./lib/sync-driver"

async function main() {
  const n = Number(process.env.PROBE_N || 10000)
  const rate = Number(process.env.PROBE_RATE || 100)
  const env = await startBenchEnv({
    name: "probe-mem",
    rate,
    products: n,
    stock: 10,
    env: { ALIEXPRESS_RECONCILE_CRON: "0 4 * * 0", NODE_OPTIONS: process.env.PROBE_NODE_OPTIONS || "--trace-gc", ...(process.env.PROBE_BATCH ? { ALIEXPRESS_SYNC_BATCH_SIZE: process.env.PROBE_BATCH } : {}) },
  })
  let stop = false
  const samples: number[] = []
  const sampler = (async () => {
    while (!stop) {
      samples.push(memoryOf(env.pid).rssMiB)
      await sleep(2000)
    }
  })()
  try {
    console.log("boot", memoryOf(env.pid))
    const r = await syncNow(env.api, "sync", 3_600_000)
    stop = true
    await sampler
    console.log("wall", r.wallMs, "end", memoryOf(env.pid))
    console.log("samples", samples.join(" "))
    console.log("log", env.logFile)
  } finally {
    await env.stop()
  }
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1) })
