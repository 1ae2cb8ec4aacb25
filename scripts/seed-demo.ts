import { createProductCategoriesWorkflow, updateProductsWorkflow, uploadFilesWorkflow } from "@medusajs/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { ExecArgs } from "@medusajs/framework/types"
import axios from "axios"
import { ALIEXPRESS_MODULE } from "../src/modules/aliexpress"
import type AliExpressModuleService from "../src/modules/aliexpress/service"
import { saveAliExpressSettingsWorkflow } from "../src/workflows/settings/workflows/save-settings"
import { COLORS, teeJpeg, teePng } from "./lib/demo-images"
import { createSeedProducts, setupUsStore, type ProductSeed } from "./lib/store-setup"
import { DEMO_CATEGORIES, DEMO_PRODUCTS } from "./lib/demo-catalogue"
import { applyDemoMapping } from "./lib/demo-mapping"

/**
 * Seeds the demo store once (a rerun reuses the data): a US/USD store, a
 * dozen products with Color/Size variants and real images, four flawed
 * products for the error views, and the plugin connected to the sandbox.
 */
export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const sandboxUrl = process.env.ALIEXPRESS_SANDBOX_URL ?? "http://127.0.0.1:9100"
  const appKey = process.env.ALIEXPRESS_APP_KEY ?? "demo-app-key"
  const appSecret = process.env.ALIEXPRESS_APP_SECRET ?? "demo-app-secret"

  const store = await setupUsStore(container)
  const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)

  // The demo seeds and keeps the first account; any added in the admin are left as they are.
  let account = (await service.listAccounts())[0] ?? null
  let credentialsChanged = false
  if (!account) {
    const { result } = await saveAliExpressSettingsWorkflow(container).run({
      input: { name: "Demo seller (sandbox)", gateway_url: sandboxUrl, app_key: appKey, app_secret: appSecret, stock_location_ids: [store.stockLocationId] },
    })
    account = result as any
  } else if (
    account.gateway_url !== sandboxUrl ||
    account.app_key !== appKey ||
    service.revealAppSecret(account) !== appSecret
  ) {
    // A rerun with another SANDBOX_PORT or ALIEXPRESS_APP_KEY/SECRET: the stored account
    // follows the environment the demo was started with, and connects again below.
    await saveAliExpressSettingsWorkflow(container).run({
      input: { account_id: account.id, gateway_url: sandboxUrl, app_key: appKey, app_secret: appSecret },
    })
    credentialsChanged = true
    logger.info(`Demo: account brought in line with this run (${sandboxUrl}, app key ${appKey})`)
  }
  if (account!.status !== "connected" || credentialsChanged) {
    const { data: t } = await axios.post(`${sandboxUrl}/__sandbox/tokens`, {})
    await service.saveTokens(account!.id, {
      accessToken: t.access_token,
      refreshToken: t.refresh_token,
      accessTokenExpiresAt: new Date(Number(t.expire_time)),
      refreshTokenExpiresAt: new Date(Number(t.refresh_token_valid_time)),
      sellerId: String(t.seller_id),
      userId: String(t.user_id ?? t.seller_id),
      userNick: t.user_nick,
      account: t.account,
    } as any)
    logger.info("Demo: plugin connected to the AliExpress sandbox")
  }
  account = await service.requireAccount(account!.id)

  const productModule = container.resolve(Modules.PRODUCT)
  const [already] = await productModule.listProducts({ handle: DEMO_PRODUCTS[0].handle })
  if (already) {
    await pointImagesAtThisServer(container)
    await applyDemoMapping(container)
    logger.info("Demo: products already seeded, reusing them")
    return
  }

  const { result: categories } = await createProductCategoriesWorkflow(container).run({
    input: { product_categories: DEMO_CATEGORIES.map((c) => ({ name: c.name, handle: c.handle, is_active: true })) },
  })
  const categoryIds = Object.fromEntries(categories.map((c) => [c.handle, c.id]))

  const seeds: ProductSeed[] = []
  for (const product of DEMO_PRODUCTS) {
    const files = product.imageColors.map((color, i) => {
      const png = i % 2 === 1
      const bytes = png ? teePng(COLORS[color] ?? COLORS.Grey) : teeJpeg(COLORS[color] ?? COLORS.Grey)
      return {
        filename: `${product.handle}-${i + 1}.${png ? "png" : "jpg"}`,
        mimeType: png ? "image/png" : "image/jpeg",
        content: bytes.toString("base64"),
        access: "public" as const,
      }
    })
    const { result: uploaded } = await uploadFilesWorkflow(container).run({ input: { files } })
    seeds.push({ ...product, images: uploaded.map((f) => f.url) })
  }

  const { data: defaultChannels } = await container
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({ entity: "sales_channel", fields: ["id", "name"] })
  const defaultChannel = defaultChannels.find((c: any) => c.name !== "AliExpress")
  await createSeedProducts(container, seeds, {
    salesChannelIds: [account.sales_channel_id!, ...(defaultChannel ? [defaultChannel.id] : [])],
    shippingProfileId: store.shippingProfileId,
    stockLocationId: store.stockLocationId,
    categoryIds,
  })

  await applyDemoMapping(container)
  logger.info(`Demo: seeded ${seeds.length} products`)
}

/**
 * Seeded images are served by Medusa itself (`<backend>/static/...`). A rerun on another PORT
 * moves them: the products' image URLs follow, or AliExpress could not download them.
 */
async function pointImagesAtThisServer(container: ExecArgs["container"]) {
  const backend = process.env.MEDUSA_BACKEND_URL
  if (!backend) return
  const here = `${backend.replace(/\/$/, "")}/static/`
  const move = (url: string | null | undefined) => (url ? url.replace(/^https?:\/\/[^/]+\/static\//, here) : url)
  const productModule = container.resolve(Modules.PRODUCT)
  const products = await productModule.listProducts(
    { handle: DEMO_PRODUCTS.map((p) => p.handle) },
    { relations: ["images"], take: DEMO_PRODUCTS.length }
  )
  const stale = products.filter((p) => (p.images ?? []).some((image) => move(image.url) !== image.url) || move(p.thumbnail) !== p.thumbnail)
  if (!stale.length) return
  await updateProductsWorkflow(container).run({
    input: {
      products: stale.map((p) => ({
        id: p.id,
        images: (p.images ?? []).map((image) => ({ url: move(image.url)! })),
        thumbnail: move(p.thumbnail) ?? undefined,
      })),
    },
  })
  container.resolve(ContainerRegistrationKeys.LOGGER).info(`Demo: image URLs of ${stale.length} products now point at ${here}`)
}
