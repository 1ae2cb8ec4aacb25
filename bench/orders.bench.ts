import { judge, type BenchResult } from "./lib/report"
import { percentile } from "./lib/percentile"
import { ProgressBar } from "./lib/progress"
import { sleep, startBenchEnv, waitFor, type BenchEnv } from "./lib/medusa-env"
import { describeCalls, diffCalls, readCalls } from "./lib/sandbox-calls"
import { syncNow } from "./lib/sync-driver"

type Options = { m: number; rate: number; samples?: number; heapMiB?: number }

/** Products behind the orders: enough SKUs to spread the orders, enough stock for all of them. */
const PRODUCTS = 20
const STOCK = 2000
/** The order rate the plugin is held to; the push load is placed at this pace. */
const TARGET_ORDERS_PER_SECOND = 5
const SCHEDULE_SECONDS = 60
/** Orders timed one at a time on the schedule arrive this far apart: every point of the minute. */
const SPREAD_SECONDS = 7

const round = (n: number, digits = 2) => Number(n.toFixed(digits))
const secondsOf = (ms: number[]) => ms.map((v) => v / 1000)

async function placeOrder(env: BenchEnv, sku: string): Promise<string> {
  const res = await fetch(`${env.sandbox.url}/__sandbox/orders`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ items: [{ sku_code: sku, quantity: 1 }] }),
  })
  const json: any = await res.json()
  if (!res.ok) throw new Error(`sandbox order refused: ${JSON.stringify(json)}`)
  return json.order_id
}

async function importedCount(env: BenchEnv): Promise<number> {
  return (await env.api.get("/admin/aliexpress/orders?status=imported&limit=1")).count
}

/** Every binding's import time, by AliExpress order id. */
async function importedAt(env: BenchEnv): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  for (let offset = 0; ; offset += 100) {
    const { orders, count } = await env.api.get(`/admin/aliexpress/orders?limit=100&offset=${offset}`)
    for (const o of orders) {
      if (o.imported_at) out.set(o.ae_order_id, Date.parse(o.imported_at))
    }
    if (offset + 100 >= count) return out
  }
}

/** Waits until `expected` more orders are imported than `base`, with a progress bar; returns how many arrived. */
async function waitImported(env: BenchEnv, label: string, base: number, expected: number, timeoutMs: number): Promise<number> {
  const bar = new ProgressBar(label, expected)
  const deadline = Date.now() + timeoutMs
  let arrived = 0
  while (Date.now() < deadline) {
    arrived = (await importedCount(env)) - base
    bar.update(Math.min(arrived, expected))
    if (arrived >= expected) return arrived
    await sleep(1000)
  }
  process.stderr.write(`\n${label}: ${arrived}/${expected} arrived within ${Math.round(timeoutMs / 1000)} s\n`)
  return arrived
}

type Batch = { placed: Map<string, number> }

/** Delays of the imported orders; with `missingAt`, orders not imported count with the time waited until then. */
function delaysOf(batch: Batch, imported: Map<string, number>, missingAt?: number): { delays: number[]; times: number[] } {
  const delays: number[] = []
  const times: number[] = []
  for (const [id, at] of batch.placed) {
    const done = imported.get(id)
    if (done !== undefined) {
      delays.push(done - at)
      times.push(done)
    } else if (missingAt !== undefined) {
      delays.push(missingAt - at)
    }
  }
  return { delays, times }
}

/**
 * Benchmark 5, schedule, delay: orders arriving one at a time (one every SPREAD_SECONDS, so they
 * fall at every point of the minute), each picked up by the job at its real default cron.
 */
async function scheduledSpread(env: BenchEnv, skus: string[], samples: number): Promise<BenchResult[]> {
  const base = await importedCount(env)
  const batch: Batch = { placed: new Map() }
  const bar = new ProgressBar(`schedule, one order every ${SPREAD_SECONDS} s`, samples)
  const start = Date.now()
  for (let i = 0; i < samples; i++) {
    const due = start + i * SPREAD_SECONDS * 1000
    if (due > Date.now()) await sleep(due - Date.now())
    batch.placed.set(await placeOrder(env, skus[(i * 3) % skus.length]), Date.now())
    bar.update(i + 1)
  }
  const arrived = await waitImported(env, "orders imported (schedule, spread)", base, samples, (SCHEDULE_SECONDS + 120) * 1000)
  const { delays } = delaysOf(batch, await importedAt(env), Date.now())
  const note = `${samples} orders, one every ${SPREAD_SECONDS} s, job at its default cron "*/30 * * * * *" (account interval: every minute); ${arrived}/${samples} imported`
  return [
    judge(`5. order delay, schedule: p50`, round(percentile(secondsOf(delays), 50), 1), "s", undefined, undefined, note),
    judge(`5. order delay, schedule: p95`, round(percentile(secondsOf(delays), 95), 1), "s", "<=", 60, note),
  ]
}

/** Benchmark 5, schedule, throughput: a burst of M orders picked up by the job at its real default cron. */
async function scheduledBurst(env: BenchEnv, skus: string[], m: number): Promise<{ results: BenchResult[]; orderIds: string[] }> {
  const before = readCalls(env.sandbox)
  const base = await importedCount(env)
  const batch: Batch = { placed: new Map() }
  const bar = new ProgressBar("placing buyer orders", m)
  for (let i = 0; i < m; i++) {
    batch.placed.set(await placeOrder(env, skus[i % skus.length]), Date.now())
    bar.update(i + 1)
  }
  const arrived = await waitImported(env, "orders imported (schedule, burst)", base, m, (SCHEDULE_SECONDS + m * 3 + 120) * 1000)
  const { delays, times } = delaysOf(batch, await importedAt(env), Date.now())
  const runSeconds = (Math.max(...times) - Math.min(...times)) / 1000
  const perSecond = times.length > 1 ? (times.length - 1) / runSeconds : 0
  const used = diffCalls(before, readCalls(env.sandbox))
  const note = `burst of ${m} orders, job at its default cron "*/30 * * * * *" (account interval: every minute); ${arrived}/${m} imported; run ${runSeconds.toFixed(1)} s; AliExpress calls: ${describeCalls(used.calls)}`
  return {
    orderIds: [...batch.placed.keys()],
    results: [
      judge(`5. order import throughput (schedule)`, round(perSecond), "orders/s", ">=", TARGET_ORDERS_PER_SECOND, note),
      judge(
        `5. order delay, schedule, burst of ${m}: p95`,
        round(percentile(secondsOf(delays), 95), 1),
        "s",
        undefined,
        undefined,
        `no bound: tick wait + place in a queue of ${m} (${m} / throughput)`
      ),
    ],
  }
}

/** Benchmark 5, push: orders one at a time on an idle plugin, then M orders at the target rate. */
async function pushed(env: BenchEnv, skus: string[], m: number, samples: number): Promise<BenchResult[]> {
  // Scheduled runs stay out of the way (not due for a day); only the pushes import.
  await env.api.post("/admin/aliexpress/settings", { order_import_interval_minutes: 1440 })
  env.sandbox.state.config.pushUrl = `${env.medusaUrl}/hooks/aliexpress/push`
  const results: BenchResult[] = []

  const single: Batch = { placed: new Map() }
  const bar = new ProgressBar("push, one order at a time", samples)
  for (let i = 0; i < samples; i++) {
    const base = await importedCount(env)
    const id = await placeOrder(env, skus[(i * 7) % skus.length])
    single.placed.set(id, Date.now())
    await waitFor(async () => ((await importedCount(env)) > base ? true : undefined), 120_000, 100)
    bar.update(i + 1)
  }
  const one = delaysOf(single, await importedAt(env)).delays
  results.push(
    judge(`5. order delay, push, one at a time: p50`, round(percentile(secondsOf(one), 50)), "s", undefined, undefined, `${one.length} orders`),
    judge(`5. order delay, push, one at a time: p95`, round(percentile(secondsOf(one), 95)), "s", "<=", 5, `${one.length} orders`)
  )

  const before = readCalls(env.sandbox)
  const base = await importedCount(env)
  const load: Batch = { placed: new Map() }
  const placing = new ProgressBar(`placing ${m} orders at ${TARGET_ORDERS_PER_SECOND}/s`, m)
  const start = Date.now()
  for (let i = 0; i < m; i++) {
    const due = start + (i * 1000) / TARGET_ORDERS_PER_SECOND
    if (due > Date.now()) await sleep(due - Date.now())
    load.placed.set(await placeOrder(env, skus[i % skus.length]), Date.now())
    placing.update(i + 1)
  }
  // A push that never leads to an import would keep the wait going forever: it ends 4 minutes after the last order.
  const arrived = await waitImported(env, "orders imported (push)", base, m, (m / TARGET_ORDERS_PER_SECOND + 240) * 1000)
  // Orders still missing count with the time waited so far: a lower bound of their delay.
  const { delays, times } = delaysOf(load, await importedAt(env), Date.now())
  const runSeconds = (Math.max(...times) - Math.min(...times)) / 1000
  const used = diffCalls(before, readCalls(env.sandbox))
  const note = `${m} orders placed at ${TARGET_ORDERS_PER_SECOND}/s; ${arrived}/${m} imported (missing ones count with the time waited); pushes ${JSON.stringify(env.sandbox.state.pushes)}; AliExpress calls: ${describeCalls(used.calls)}`
  results.push(
    // Orders arrive at the target rate, so this can only echo it; keeping up shows in the delay.
    judge(`5. order import throughput (push, ${TARGET_ORDERS_PER_SECOND}/s arriving)`, round(times.length > 1 ? (times.length - 1) / runSeconds : 0), "orders/s", undefined, undefined, note),
    judge(`5. order delay, push, ${TARGET_ORDERS_PER_SECOND}/s load: p50`, round(percentile(secondsOf(delays), 50), 1), "s", undefined, undefined, note),
    judge(`5. order delay, push, ${TARGET_ORDERS_PER_SECOND}/s load: p95`, round(percentile(secondsOf(delays), 95), 1), "s", "<=", 5, note)
  )
  return results
}

/** Benchmark 5, push burst: M orders placed as fast as the sandbox takes them, each announced by a push. */
async function pushedBurst(env: BenchEnv, skus: string[], m: number): Promise<BenchResult[]> {
  const before = readCalls(env.sandbox)
  const base = await importedCount(env)
  const burst: Batch = { placed: new Map() }
  const placing = new ProgressBar(`placing a push burst of ${m} orders`, m)
  for (let i = 0; i < m; i++) {
    burst.placed.set(await placeOrder(env, skus[(i * 3) % skus.length]), Date.now())
    placing.update(i + 1)
  }
  const arrived = await waitImported(env, "orders imported (push burst)", base, m, (m + 240) * 1000)
  const { delays, times } = delaysOf(burst, await importedAt(env), Date.now())
  const placedTimes = [...burst.placed.values()]
  const runSeconds = (Math.max(...times) - Math.min(...placedTimes)) / 1000
  const used = diffCalls(before, readCalls(env.sandbox))
  const note = `${m} orders placed back to back in ${((Math.max(...placedTimes) - Math.min(...placedTimes)) / 1000).toFixed(1)} s, each pushed; ${arrived}/${m} imported; first placement to last import ${runSeconds.toFixed(1)} s; AliExpress calls: ${describeCalls(used.calls)}`
  return [
    judge(`5. order import throughput (push burst of ${m})`, round(times.length ? times.length / runSeconds : 0), "orders/s", ">=", TARGET_ORDERS_PER_SECOND, note),
    judge(`5. order delay, push burst of ${m}: p95`, round(percentile(secondsOf(delays), 95), 1), "s", undefined, undefined, `no bound: the queue of ${m} at the import rate`),
  ]
}

/** Benchmark 6: fulfil then ship in Medusa, until the tracking number is on the AliExpress order. */
async function shipments(env: BenchEnv, aeOrderIds: string[], samples: number): Promise<BenchResult[]> {
  const delays: number[] = []
  const bar = new ProgressBar("shipment push delay", samples)
  for (let s = 0; s < samples && s < aeOrderIds.length; s++) {
    const aeOrderId = aeOrderIds[s]
    const { orders } = await env.api.get(`/admin/aliexpress/orders?q=${aeOrderId}&limit=1`)
    const orderId = orders[0].order_id
    const { order } = await env.api.get(`/admin/orders/${orderId}?fields=id,*items`)
    const items = order.items.map((i: any) => ({ id: i.id, quantity: i.quantity }))
    await env.api.post(`/admin/orders/${orderId}/fulfillments`, { items })
    const { order: withFulfillments } = await env.api.get(`/admin/orders/${orderId}?fields=id,*fulfillments`)
    const fulfillment = withFulfillments.fulfillments[withFulfillments.fulfillments.length - 1]
    const t0 = Date.now()
    await env.api.post(`/admin/orders/${orderId}/fulfillments/${fulfillment.id}/shipments`, {
      items,
      labels: [{ tracking_number: `BENCH${String(s).padStart(6, "0")}US`, tracking_url: "#", label_url: "#" }],
    })
    await waitFor(() => ((env.sandbox.state.orders.get(aeOrderId)?.shipments.length ?? 0) > 0 ? true : undefined), 120_000, 20)
    delays.push(Date.now() - t0)
    bar.update(s + 1)
  }
  const note = `${delays.length} orders: POST .../fulfillments, then the timed POST .../fulfillments/:id/shipments until the sandbox order has the tracking`
  return [
    judge(`6. shipment -> AliExpress tracking: p50`, round(percentile(secondsOf(delays), 50)), "s", undefined, undefined, note),
    judge(`6. shipment -> AliExpress tracking: p95`, round(percentile(secondsOf(delays), 95)), "s", "<=", 5, note),
  ]
}

/** Benchmarks 5 and 6: order import (schedule and push) and shipment push. */
export async function run(options: Options): Promise<BenchResult[]> {
  const samples = options.samples ?? 30
  const env = await startBenchEnv({
    name: "orders",
    rate: options.rate,
    products: PRODUCTS,
    stock: STOCK,
    sandbox: { auditDelayMs: 0 },
    heapMiB: options.heapMiB,
    env: { ALIEXPRESS_RECONCILE_CRON: "0 4 * * 0" },
  })
  try {
    await syncNow(env.api, `listing ${PRODUCTS} products`, 300_000)
    const skus = await waitFor(() => {
      // The sandbox settles its audits lazily, when something reads them.
      env.sandbox.state.settleAudits()
      const products = [...env.sandbox.state.products.values()]
      if (products.length < PRODUCTS || products.some((p) => p.status !== "onSelling")) return undefined
      return products.flatMap((p) => p.skus.map((s) => s.sku_code))
    }, 120_000)
    const results: BenchResult[] = []
    results.push(...(await scheduledSpread(env, skus, samples)))
    const schedule = await scheduledBurst(env, skus, options.m)
    results.push(...schedule.results)
    results.push(...(await shipments(env, schedule.orderIds, samples)))
    results.push(...(await pushed(env, skus, options.m, Math.min(samples, 20))))
    results.push(...(await pushedBurst(env, skus, options.m)))
    return results
  } finally {
    await env.stop()
  }
}
