import { spawn } from "child_process"
import path from "path"
import { createProductCategoriesWorkflow } from "@medusajs/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { ExecArgs } from "@medusajs/framework/types"
import { z } from "zod"
import { ALIEXPRESS_MODULE } from "../src/modules/aliexpress"
import type AliExpressModuleService from "../src/modules/aliexpress/service"
import { saveAliExpressSettingsWorkflow } from "../src/workflows/settings/workflows/save-settings"
import { setupUsStore } from "../scripts/lib/store-setup"
import { atStorePriority } from "./lib/priority"
import { seedSlices, type SliceJob } from "./lib/seed-slices"
import { useFastUlids } from "./lib/fast-ids"
import { applyDemoMapping } from "../scripts/lib/demo-mapping"

const envSchema = z.object({
  BENCH_PRODUCTS: z.coerce.number().int().min(1),
  BENCH_STOCK: z.coerce.number().int().min(0).default(10),
  BENCH_IMAGE_URL: z.string().url(),
  BENCH_SANDBOX_URL: z.string().url(),
  BENCH_APP_KEY: z.string().min(1),
  BENCH_APP_SECRET: z.string().min(1),
})

/**
 * Processes that seed products at once, this one included. The module services' bulk creates
 * keep one Node process busy (the ORM) while PostgreSQL does about a tenth of the work, so a
 * second process puts the second core to use; on a machine others share it gains less.
 */
const SEED_PROCESSES = Number(process.env.BENCH_SEED_PROCESSES || 2)
const medusaBin = path.resolve(__dirname, "..", "node_modules", ".bin", "medusa")

/**
 * Seeds a benchmark store: the US store, N products in the AliExpress channel with two
 * distinct pictures each, the demo mapping, and only then the sandbox tokens, so the first
 * sync starts from products that AliExpress has never seen.
 */
export default async function seedBench({ container }: ExecArgs) {
  const env = envSchema.parse(process.env)
  const startedAt = Date.now()
  useFastUlids()
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const store = await setupUsStore(container)
  // Imported orders are taxed through the region's tax provider, which setupUsStore leaves unset.
  const tax = container.resolve(Modules.TAX)
  const taxRegions = await tax.listTaxRegions({ country_code: "us" })
  await tax.updateTaxRegions(taxRegions.filter((r: any) => !r.provider_id).map((r: any) => ({ id: r.id, provider_id: "tp_system" })))
  const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)

  await saveAliExpressSettingsWorkflow(container).run({
    input: {
      name: "Benchmark seller",
      gateway_url: env.BENCH_SANDBOX_URL,
      app_key: env.BENCH_APP_KEY,
      app_secret: env.BENCH_APP_SECRET,
      stock_location_ids: [store.stockLocationId],
    } as any,
  })
  const account = await service.requireAccount()

  const { result: categories } = await createProductCategoriesWorkflow(container).run({
    input: { product_categories: [{ name: "T-Shirts", handle: "t-shirts", is_active: true }] },
  })
  const categoryIds = { "t-shirts": categories[0].id }

  if (process.env.BENCH_SEED_TRACE) process.stdout.write(`SEED_TRACE setup ${Date.now() - startedAt}\n`)
  const job: Omit<SliceJob, "part"> = {
    products: env.BENCH_PRODUCTS,
    stock: env.BENCH_STOCK,
    imageUrl: env.BENCH_IMAGE_URL,
    target: {
      salesChannelId: account.sales_channel_id!,
      shippingProfileId: store.shippingProfileId,
      stockLocationId: store.stockLocationId,
      categoryIds,
    },
    parts: SEED_PROCESSES,
  }
  const statistics = keepStatisticsFresh(container)
  let seeded = 0
  const onSeeded = (count: number) => {
    seeded += count
    statistics.grownTo(seeded)
    // The bench runner reads this line to move its progress bar.
    process.stdout.write(`BENCH_SEEDED ${seeded}/${env.BENCH_PRODUCTS}\n`)
  }
  await Promise.all([
    seedSlices(container, { ...job, part: 0 }, onSeeded),
    ...Array.from({ length: SEED_PROCESSES - 1 }, (_, i) => runWorker({ ...job, part: i + 1 }, onSeeded)),
  ])
  await statistics.finish()
  if (process.env.BENCH_SEED_TRACE) process.stdout.write(`SEED_TRACE slices ${Date.now() - startedAt}\n`)
  await applyDemoMapping(container)

  const response = await fetch(`${env.BENCH_SANDBOX_URL}/__sandbox/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  })
  const tokens: any = await response.json()
  await service.saveTokens(account.id, {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    accessTokenExpiresAt: new Date(Number(tokens.expire_time)),
    refreshTokenExpiresAt: new Date(Number(tokens.refresh_token_valid_time)),
    sellerId: tokens.seller_id != null ? String(tokens.seller_id) : undefined,
    userNick: tokens.user_nick,
  } as any)
  // The bench runner reads this line for the seeding row.
  process.stdout.write(`BENCH_SEED_MS ${Date.now() - startedAt}\n`)
  logger.info(`Bench: seeded ${env.BENCH_PRODUCTS} products, account connected to ${env.BENCH_SANDBOX_URL}`)
}

/**
 * Runs ANALYZE each time the catalogue has doubled, and once at the end. Autovacuum does this on
 * a production database; this machine's PostgreSQL runs with it off, and without statistics
 * the planner takes the growing tables for empty ones. The product module's check for
 * already-linked options (`(product_id, option_id) IN (1,000 pairs)`) then filters the whole
 * product_product_option table once per slice instead of using its index: 0.3 s per slice at
 * 2,000 products, 1.6 s at 25,000, 1.1 s against 0.11 s with statistics at 30,000.
 */
function keepStatisticsFresh(container: ExecArgs["container"]) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  let nextAt = 1000
  let running: Promise<unknown> = Promise.resolve()
  return {
    grownTo(seeded: number) {
      if (seeded < nextAt) return
      while (nextAt <= seeded) nextAt *= 2
      running = running.then(() => pg.raw("analyze")).catch((e: Error) => logger.warn(`Bench: ANALYZE failed (${e.message}); seeding goes on`))
    },
    async finish() {
      await running
      await pg.raw("analyze")
    },
  }
}

/** Runs bench/seed-worker.ts on one share of the slices; its output goes to this process's log. */
function runWorker(job: SliceJob, onSeeded: (count: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(...atStorePriority(medusaBin, ["exec", "./bench/seed-worker.ts"]), {
      cwd: path.resolve(__dirname, ".."),
      env: { ...process.env, BENCH_SEED_JOB: JSON.stringify(job) },
      stdio: ["ignore", "pipe", "inherit"],
    })
    let buffered = ""
    child.stdout.on("data", (d: Buffer) => {
      buffered += d.toString()
      const lines = buffered.split("\n")
      buffered = lines.pop() ?? ""
      for (const line of lines) {
        const slice = /^BENCH_SEED_SLICE (\d+)/.exec(line)
        if (slice) onSeeded(Number(slice[1]))
        else process.stdout.write(`[seed part ${job.part}] ${line}\n`)
      }
    })
    child.on("error", reject)
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`seed part ${job.part} exited with ${code}`))))
  })
}
