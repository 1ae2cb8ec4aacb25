import { monitorEventLoopDelay } from "node:perf_hooks"
import { judge, type BenchResult } from "./lib/report"
import { percentile } from "./lib/percentile"
import { ProgressBar } from "./lib/progress"
import { memoryOf, sleep, startBenchEnv, waitFor, type BenchEnv } from "./lib/medusa-env"
import { describeCalls, diffCalls, METHOD, readCalls, total, writes } from "./lib/sandbox-calls"
import { saveSettings, syncNow } from "./lib/sync-driver"
import { adminAtScale } from "./admin.bench"

type Options = {
  n: number
  rate: number
  compareMemory?: boolean
  samples?: number
  heapMiB?: number
  /** benchmark 2 only: for catalogues (100,000) whose resync and bulk changes would take hours */
  firstSyncOnly?: boolean
}

/** AliExpress takes at most 20 products per batch price or inventory call. */
const BATCH = 20
/** ...and 300 per feed job. */
const FEED_ITEMS = 300
/** The plugin's default `feedThreshold`: a change on more products goes through feeds. */
const FEED_THRESHOLD = 200
const FEED = { submit: "aliexpress.solution.feed.submit", query: "aliexpress.solution.feed.query" }
/** The size: 100,000 products seeded within 10 minutes. */
const SEED_BOUND_S = 600
const FULL_SIZE = 100_000
const IMAGES_PER_PRODUCT = 2
const STOCK = 10

/** Generous: the bound is calls / R, this only stops a stuck run. */
const syncTimeout = (calls: number, rate: number) => Math.max(300_000, (calls / rate) * 3000)

function envFor(name: string, n: number, rate: number, heapMiB: number | undefined, seedOnly = false): Promise<BenchEnv> {
  return startBenchEnv({
    name,
    seedOnly,
    rate,
    products: n,
    stock: STOCK,
    heapMiB,
    // Only the benchmark starts syncs: the reconcile job would queue everything on its own.
    env: { ALIEXPRESS_RECONCILE_CRON: "0 4 * * 0" },
  })
}

/** Benchmark 2: the first sync of N products; returns its results and the peak memory. */
async function firstSync(env: BenchEnv, n: number, rate: number): Promise<{ results: BenchResult[]; peakMiB: number }> {
  const bootMemory = memoryOf(env.pid)
  const before = readCalls(env.sandbox)
  const lowerBound = n + n * IMAGES_PER_PRODUCT
  // The sandbox answers in this process: a pause of its event loop (a collection of a large heap,
  // a long handler) lets calls that left evenly spaced arrive together.
  const stalls = monitorEventLoopDelay({ resolution: 5 })
  stalls.enable()
  const { wallMs, progress, requestMs } = await syncNow(env.api, `first sync of ${n}`, syncTimeout(lowerBound, rate), env)
  stalls.disable()
  const memory = memoryOf(env.pid)
  const used = diffCalls(before, readCalls(env.sandbox))
  const calls = total(used.calls)
  const live = env.sandbox.state.products.size
  const perMethodFloor = Math.max(...Object.values(used.calls)) / rate
  const seconds = wallMs / 1000
  const limitRejections = used.rejected.ApiCallLimit ?? 0
  return {
    peakMiB: memory.peakMiB,
    results: [
      judge(
        `2. first sync N=${n}: API calls / lower bound`,
        Number((calls / lowerBound).toFixed(3)),
        "x",
        "<=",
        1.05,
        `${calls} calls; lower bound ${lowerBound} = ${n} posts + ${n * IMAGES_PER_PRODUCT} distinct images; ${describeCalls(used.calls)}; ` +
          `${live} products on AliExpress; run: posted ${progress.posted}, invalid ${progress.invalid}`
      ),
      judge(
        `2. first sync N=${n}: wall time / (calls / R)`,
        Number((seconds / (calls / rate)).toFixed(3)),
        "x",
        "<=",
        1.15,
        `${seconds.toFixed(1)} s for ${calls} calls at R=${rate}/s per method; calls/R = ${(calls / rate).toFixed(1)} s ` +
          `(the per-method floor, max calls of one method / R, is ${perMethodFloor.toFixed(1)} s)`
      ),
      // Informative: the limit is per method, so uploads and posts of different products may overlap.
      judge(
        `2. first sync N=${n}: wall time / per-method floor`,
        Number((seconds / perMethodFloor).toFixed(3)),
        "x",
        undefined,
        undefined,
        `floor = max calls of one method / R = ${perMethodFloor.toFixed(1)} s; reachable only if every post overlaps other products' uploads`
      ),
      judge(`2. first sync N=${n}: "Sync now" answered in`, Number((requestMs / 1000).toFixed(2)), "s", undefined, undefined, `it queues all ${n} products (a listing row each) before it answers`),
      judge(`2. first sync N=${n}: calls refused with ApiCallLimit`, limitRejections, "calls", "==", 0, `all rejections: ${JSON.stringify(used.rejected)}; ` +
        `the sandbox's event loop (this process) paused up to ${(stalls.max / 1e6).toFixed(0)} ms, p99 ${(stalls.percentile(99) / 1e6).toFixed(1)} ms`),
      judge(
        `2. first sync N=${n}: peak RSS of the Medusa process`,
        memory.peakMiB,
        "MiB",
        undefined,
        undefined,
        `VmHWM after the sync; ${bootMemory.peakMiB} MiB peak after boot, ${memory.rssMiB} MiB resident at the end; ` +
          (env.heapMiB ? `heap limit ${env.heapMiB} MiB (--heap-mib)` : "V8's default heap limit")
      ),
    ],
  }
}

/** Benchmark 0: seeding the store (products with 4 variants, prices, stock, 2 images each). */
function seeding(env: BenchEnv, n: number): BenchResult {
  const seconds = env.seedMs / 1000
  const extrapolated = (seconds * FULL_SIZE) / n
  return judge(
    `0. seeding N=${n}: time`,
    Number(seconds.toFixed(1)),
    "s",
    n >= FULL_SIZE ? "<=" : undefined,
    n >= FULL_SIZE ? SEED_BOUND_S : undefined,
    `${Math.round(n / seconds)} products/s (bench/seed.ts: module bulk creates, one INSERT per link table, ${process.env.BENCH_SEED_PROCESSES || 2} processes)` +
      (n < FULL_SIZE ? `; ${Math.round(extrapolated)} s extrapolated linearly to ${FULL_SIZE} (bound ${SEED_BOUND_S} s there)` : "")
  )
}

/** Benchmark 3: the same N again with nothing changed. */
async function unchangedResync(env: BenchEnv, n: number, rate: number): Promise<BenchResult[]> {
  const before = readCalls(env.sandbox)
  const { wallMs } = await syncNow(env.api, `unchanged resync of ${n}`, syncTimeout(n, rate), env)
  const used = diffCalls(before, readCalls(env.sandbox))
  const written = writes(used.calls)
  return [
    judge(
      `3. unchanged resync N=${n}: write calls`,
      total(written),
      "calls",
      "==",
      0,
      `${(wallMs / 1000).toFixed(1)} s; reads: ${describeCalls(used.calls)}`
    ),
    judge(`3. unchanged resync N=${n}: wall time`, Number((wallMs / 1000).toFixed(1)), "s", "<=", 180, `reads: ${describeCalls(used.calls)}`),
  ]
}

/**
 * Benchmark 4a: one settings change that moves every price, then one that moves every stock,
 * each timed from the save to the end of the run the save starts (a merchant presses nothing
 * else). Above the plugin's feed threshold the change goes through feed jobs of 300 (submit,
 * then polls); at or below it, through batch calls of 20.
 */
async function bulkChange(env: BenchEnv, n: number, rate: number, kind: "price" | "stock"): Promise<BenchResult[]> {
  const before = readCalls(env.sandbox)
  const change = kind === "price" ? { markup_percent: 10 } : { stock_buffer: 1 }
  const { wallMs, progress, requestMs } = await saveSettings(env.api, change, `${kind} change on ${n}`, syncTimeout(n, rate), env)
  const used = diffCalls(before, readCalls(env.sandbox))
  const method = kind === "price" ? METHOD.price : METHOD.stock
  const batchCalls = used.calls[method] ?? 0
  const others = writes(used.calls)
  delete others[method]
  const seconds = wallMs / 1000
  if (n <= FEED_THRESHOLD) {
    const expected = Math.ceil(n / BATCH)
    return [
      judge(
        `4. ${kind} change on all N=${n}: ${kind} update calls`,
        batchCalls,
        "calls",
        "==",
        expected,
        `batch path (N <= feed threshold ${FEED_THRESHOLD}); ceil(N/${BATCH}) = ${expected}; ${seconds.toFixed(1)} s; other writes: ${describeCalls(others)}; all: ${describeCalls(used.calls)}`
      ),
    ]
  }
  const submits = used.calls[FEED.submit] ?? 0
  const polls = used.calls[FEED.query] ?? 0
  const calls = submits + polls + batchCalls
  const jobs = Math.ceil(n / FEED_ITEMS)
  return [
    judge(
      `4. ${kind} change on all N=${n}: calls`,
      calls,
      "calls",
      "<=",
      jobs + polls,
      `feed path: ${submits} feed.submit (ceil(N/${FEED_ITEMS}) = ${jobs}) + ${polls} feed.query + ${batchCalls} batch calls; ` +
        `run: ${progress.feed_jobs} jobs, ${progress.feed_polls} polls; other writes: ${describeCalls(others)}`
    ),
    judge(
      `4. ${kind} change on all N=${n}: wall time / (calls / R)`,
      Number((seconds / (calls / rate)).toFixed(3)),
      "x",
      "<=",
      1.5,
      `${seconds.toFixed(1)} s for ${calls} calls at R=${rate}/s; calls/R = ${(calls / rate).toFixed(1)} s; the sandbox finishes a job 2 s after its submit`
    ),
    judge(
      `4. ${kind} change on all N=${n}: wall time`,
      Number(seconds.toFixed(1)),
      "s",
      undefined,
      undefined,
      `from the settings save (it answered in ${(requestMs / 1000).toFixed(1)} s, having queued every listing) to the end of its run; batch path would be ${Math.ceil(n / BATCH)} calls`
    ),
  ]
}

/** Benchmark 4b: single stock changes through the admin API, until AliExpress shows them. */
async function stockDelay(env: BenchEnv, n: number, samples: number): Promise<BenchResult[]> {
  const { stock_locations } = await env.api.get("/admin/stock-locations?fields=id,name&limit=10")
  const location = stock_locations.find((l: any) => l.name === "US Warehouse") ?? stock_locations[0]
  const variantsPerProduct = 4
  const delays: number[] = []
  const bar = new ProgressBar("stock change delay", samples)
  for (let s = 0; s < samples; s++) {
    // Spread the samples over the catalogue, one variant each.
    const offset = Math.floor(((s + 0.5) / samples) * n * variantsPerProduct)
    const { inventory_items } = await env.api.get(`/admin/inventory-items?fields=id,sku&limit=1&offset=${offset}&order=sku`)
    const item = inventory_items[0]
    const stocked = STOCK + 2 + s
    const expected = stocked - 1
    const productId = env.sandbox.state.skuIndex.get(item.sku)
    if (!productId) {
      throw new Error(`SKU ${item.sku} is not on AliExpress: the sample needs listed SKUs`)
    }
    const t0 = Date.now()
    await env.api.post(`/admin/inventory-items/${item.id}/location-levels/${location.id}`, { stocked_quantity: stocked })
    await waitFor(
      () => {
        const sku = env.sandbox.state.products.get(productId)?.skus.find((k) => k.sku_code === item.sku)
        return sku?.inventory === expected ? true : undefined
      },
      120_000,
      20
    )
    delays.push(Date.now() - t0)
    bar.update(s + 1)
    // Let the run that carried this change end, so the next sample starts from an idle plugin.
    await sleep(500)
  }
  const p50 = percentile(delays, 50) / 1000
  const p95 = percentile(delays, 95) / 1000
  const note = `${samples} single changes via POST /admin/inventory-items/:id/location-levels/:location; max ${(Math.max(...delays) / 1000).toFixed(2)} s`
  return [
    judge(`4. stock change -> AliExpress, p50`, Number(p50.toFixed(2)), "s", undefined, undefined, note),
    judge(`4. stock change -> AliExpress, p95`, Number(p95.toFixed(2)), "s", "<=", 10, note),
  ]
}

/** Benchmarks 2-4: first sync, unchanged resync, bulk price and stock changes, single-change delay. */
export async function run(options: Options): Promise<BenchResult[]> {
  const { n, rate } = options
  const results: BenchResult[] = []
  // Each row is printed as it is measured, so a run stopped half-way keeps what it measured.
  const record = (rows: BenchResult[]) => {
    for (const row of rows) process.stderr.write(`\n[measured] ${JSON.stringify({ ...row, at: new Date().toISOString() })}\n`)
    results.push(...rows)
  }
  // BENCH_SEED_ONLY=1: benchmark 0 alone, in its own database, to measure seeding quickly.
  if (process.env.BENCH_SEED_ONLY) {
    return [seeding(await envFor("seed-only", n, rate, options.heapMiB, true), n)]
  }
  let env: BenchEnv | null = await envFor("sync", n, rate, options.heapMiB)
  let peakAtN: number
  try {
    record([seeding(env, n)])
    const first = await firstSync(env, n, rate)
    peakAtN = first.peakMiB
    record(first.results)
    // Every product has its listing now: the admin pages at this size.
    record(await adminAtScale(env.api, n))
    if (!options.firstSyncOnly) {
      // Let the sandbox's audits of the new products settle, as they would between two syncs.
      await sleep(3000)
      record(await unchangedResync(env, n, rate))
      record(await bulkChange(env, n, rate, "price"))
      record(await bulkChange(env, n, rate, "stock"))
      record(await stockDelay(env, n, options.samples ?? 30))
    }
  } finally {
    await env.stop()
    env = null
  }

  if (options.compareMemory) {
    const big = n * 10
    const bigEnv = await envFor("sync-10n", big, rate, options.heapMiB)
    try {
      const first = await firstSync(bigEnv, big, rate)
      record(first.results)
      record([
        judge(
          `2. peak RSS at 10N / at N`,
          Number((first.peakMiB / peakAtN).toFixed(3)),
          "x",
          "<=",
          1.25,
          `${peakAtN} MiB at N=${n}, ${first.peakMiB} MiB at N=${big}; flat means within 25%`
        ),
      ])
    } finally {
      await bigEnv.stop()
    }
  }
  return results
}
