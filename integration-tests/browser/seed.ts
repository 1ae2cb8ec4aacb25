import fs from "fs"
import { Modules } from "@medusajs/framework/utils"
import type { ExecArgs } from "@medusajs/framework/types"
import { createSeedProducts, sampleProductSeed, setupUsStore } from "../../scripts/lib/store-setup"

/**
 * The browser run's store: a US store, the "AliExpress" sales channel (the
 * settings screen adopts it), one product that maps cleanly, one without
 * a weight, which the merchant has to fix, and one whose Gender value needs
 * matching to an AliExpress value. The AliExpress account itself is
 * set up through the screens, as a merchant would.
 */
export default async function seedBrowserStore({ container }: ExecArgs) {
  const imageBase = process.env.BROWSER_IMAGE_BASE ?? "http://127.0.0.1:1"
  const out = process.env.BROWSER_SEED_OUT
  const store = await setupUsStore(container)

  // A store set up in the dashboard gets the system tax provider on its tax regions; without
  // one, orders shipped to a US address cannot be created ("tax provider with id: null").
  const tax = container.resolve(Modules.TAX)
  const regions = await tax.listTaxRegions({ country_code: "us", parent_id: null })
  for (const region of regions.filter((r: any) => !r.provider_id)) {
    await tax.updateTaxRegions({ id: region.id, provider_id: "tp_system" } as any)
  }

  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const [existing] = await salesChannels.listSalesChannels({ name: "AliExpress" })
  const channel = existing ?? (await salesChannels.createSalesChannels({ name: "AliExpress" }))
  const [defaultChannel] = await salesChannels.listSalesChannels({ name: "Default Sales Channel" })

  const images = (i: number) => [`${imageBase}/tee-${i}-front.jpg`, `${imageBase}/tee-${i}-back.png`]
  const [good, flawed, blend] = await createSeedProducts(
    container,
    [
      sampleProductSeed(1, { title: "Browser Tee Good", handle: "browser-tee-good", images: images(1), skuPrefix: "BRG" }),
      sampleProductSeed(2, { title: "Browser Tee Flawed", handle: "browser-tee-flawed", images: images(2), skuPrefix: "BRF", weight: undefined }),
      // Bamboo goes to Material's "Other"; "Kids" is no AliExpress Gender until the merchant matches it.
      sampleProductSeed(3, {
        title: "Browser Tee Blend",
        handle: "browser-tee-blend",
        images: images(3),
        skuPrefix: "BRB",
        material: "Cotton, Bamboo",
        metadata: { brand: "Acme", gender: "Kids" },
      }),
    ],
    {
      salesChannelIds: [channel.id, ...(defaultChannel ? [defaultChannel.id] : [])],
      shippingProfileId: store.shippingProfileId,
      stockLocationId: store.stockLocationId,
    }
  )

  // Outside the AliExpress channel until the health checks add it: the sandbox's review rejects
  // its title ("Forbidden" is a reject word of the browser run's sandbox).
  const [forbidden] = await createSeedProducts(
    container,
    [sampleProductSeed(4, { title: "Browser Tee Forbidden", handle: "browser-tee-forbidden", images: images(4), skuPrefix: "BRX" })],
    {
      salesChannelIds: defaultChannel ? [defaultChannel.id] : [],
      shippingProfileId: store.shippingProfileId,
      stockLocationId: store.stockLocationId,
    }
  )

  const summary = {
    ...store,
    salesChannelId: channel.id,
    goodProductId: good.id,
    flawedProductId: flawed.id,
    blendProductId: blend.id,
    goodSku: "BRG-RED-M",
    forbiddenProductId: forbidden.id,
  }
  if (out) {
    fs.writeFileSync(out, JSON.stringify(summary, null, 2))
  }
}
