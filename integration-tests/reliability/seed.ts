import fs from "fs"
import { Modules } from "@medusajs/framework/utils"
import type { ExecArgs } from "@medusajs/framework/types"
import { createSeedProducts, sampleProductSeed, setupUsStore } from "../../scripts/lib/store-setup"
import { defaultTemplate } from "../../src/lib/mapping"
import { saveAliExpressSettingsWorkflow } from "../../src/workflows/settings/workflows/save-settings"

/**
 * The crash and scale-out runs' store, made before any server starts: a US store, the account
 * connected to the sandbox with the tokens the test minted, a default template, and
 * RELIABILITY_SEED_PRODUCTS products in the AliExpress channel waiting for their first sync.
 */
export default async function seedReliabilityStore({ container }: ExecArgs) {
  const env = process.env
  const store = await setupUsStore(container)
  const tax = container.resolve(Modules.TAX)
  const regions = await tax.listTaxRegions({ country_code: "us", parent_id: null })
  for (const region of regions.filter((r: any) => !r.provider_id)) {
    await tax.updateTaxRegions({ id: region.id, provider_id: "tp_system" } as any)
  }
  const { result: account } = await saveAliExpressSettingsWorkflow(container).run({
    input: {
      gateway_url: env.RELIABILITY_SANDBOX_URL,
      app_key: env.RELIABILITY_APP_KEY,
      app_secret: env.RELIABILITY_APP_SECRET,
      stock_location_ids: [store.stockLocationId],
      carrier_mapping: { [store.shippingOptionId]: "CAINIAO_STANDARD" },
    } as any,
  })
  const service: any = container.resolve("aliexpress")
  const base = defaultTemplate("Tees")
  await service.createAliExpressTemplates({
    name: "Tees",
    is_default: true,
    fields: {
      ...base.fields,
      category_id: { source: "constant", value: 200000346 },
      freight_template_id: { source: "constant", value: 1000 },
      service_template_id: { source: "constant", value: 1001001 },
    },
    settings: (base as any).settings ?? {},
  })
  const count = Number(env.RELIABILITY_SEED_PRODUCTS || 0)
  const imageBase = env.RELIABILITY_IMAGE_BASE
  const seeds = Array.from({ length: count }, (_, i) =>
    sampleProductSeed(i + 1, { images: [`${imageBase}/tee-${i % 7}-front.jpg`, `${imageBase}/tee-${i}-back.png`] })
  )
  for (let i = 0; i < seeds.length; i += 25) {
    await createSeedProducts(container, seeds.slice(i, i + 25), {
      salesChannelIds: [(account as any).sales_channel_id],
      shippingProfileId: store.shippingProfileId,
      stockLocationId: store.stockLocationId,
    })
  }
  const tokens = JSON.parse(env.RELIABILITY_TOKENS ?? "{}")
  await service.saveTokens((account as any).id, {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    accessTokenExpiresAt: new Date(Date.now() + 24 * 3600 * 1000),
    refreshTokenExpiresAt: new Date(Date.now() + 48 * 3600 * 1000),
    sellerId: String(tokens.seller_id),
    userNick: tokens.user_nick,
  })
  if (env.RELIABILITY_SEED_OUT) {
    fs.writeFileSync(env.RELIABILITY_SEED_OUT, JSON.stringify({ ...store, salesChannelId: (account as any).sales_channel_id }))
  }
}
