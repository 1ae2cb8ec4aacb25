import { createProductCategoriesWorkflow } from "@medusajs/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { ExecArgs } from "@medusajs/framework/types"
import { z } from "zod"
import { ALIEXPRESS_MODULE } from "../src/modules/aliexpress"
import type AliExpressModuleService from "../src/modules/aliexpress/service"
import { saveAliExpressSettingsWorkflow } from "../src/workflows/settings/workflows/save-settings"
import { sampleProductSeed, setupUsStore, type ProductSeed } from "../scripts/lib/store-setup"
import { bulkCreateProducts } from "./lib/bulk-seed"
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
 * Products per bulk create: large enough that each table gets few, big inserts, small enough
 * that one slice (with its 4 variants, prices, stock and images each) stays a few MiB.
 */
const CHUNK = Number(process.env.BENCH_SEED_CHUNK || 500)
const SEED_LANES = Number(process.env.BENCH_SEED_LANES || 2)

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
  // Slices go in SEED_LANES at once: while one slice's rows are built in Node, the other's
  // inserts run in PostgreSQL.
  let next = 0
  let seeded = 0
  const lane = async () => {
    for (let start = next; start < env.BENCH_PRODUCTS; start = next) {
      next = start + CHUNK
      const seeds: ProductSeed[] = []
      for (let i = start; i < Math.min(env.BENCH_PRODUCTS, start + CHUNK); i++) {
        seeds.push(
          sampleProductSeed(i, {
            images: [`${env.BENCH_IMAGE_URL}/p${i}-front.jpg`, `${env.BENCH_IMAGE_URL}/p${i}-back.jpg`],
            stock: env.BENCH_STOCK,
            categoryHandle: "t-shirts",
          })
        )
      }
      await bulkCreateProducts(container, seeds, {
        salesChannelId: account.sales_channel_id!,
        shippingProfileId: store.shippingProfileId,
        stockLocationId: store.stockLocationId,
        categoryIds,
      })
      seeded += seeds.length
      // The bench runner reads this line to move its progress bar.
      process.stdout.write(`BENCH_SEEDED ${seeded}/${env.BENCH_PRODUCTS}\n`)
    }
  }
  await Promise.all(Array.from({ length: SEED_LANES }, lane))
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
