import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { deleteProductsWorkflow } from "@medusajs/core-flows"
import { graphChannelProductIds, graphListingProductRows, pageChannelProductIds, productsInChannel } from "../../src/workflows/listings/helpers/load-products"
import { readListingProductRows } from "../../src/workflows/listings/helpers/listing-product-rows"
import { toListingProduct } from "../../src/lib/listings/source-product"
import { createSeedProducts, sampleProductSeed, setupUsStore } from "../../scripts/lib/store-setup"

jest.setTimeout(240 * 1000)

/**
 * The sync reads products for listing in one SQL statement; the listing hashes are made from
 * what it reads, so it must be exactly what `query.graph` gives (values and order of every
 * list), or every listing would be sent again. Products with many tags, categories, options,
 * price-list and rule prices, several currencies and deleted rows are loaded both ways.
 */
medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ getContainer }) => {
    it("reads every product exactly as query.graph does, lists in the same order", async () => {
      const container = getContainer()
      const store = await setupUsStore(container)
      const seeds = [
        sampleProductSeed(1),
        sampleProductSeed(2, { colors: ["Green", "Black", "White"], sizes: ["XL", "S"] }),
        sampleProductSeed(3, { colors: ["Red"], sizes: ["M"], images: [] }),
        sampleProductSeed(4, { colors: ["Blue", "Red"], sizes: ["L"], metadata: null as any }),
      ]
      const products = await createSeedProducts(container, seeds, {
        salesChannelIds: [],
        shippingProfileId: store.shippingProfileId,
        stockLocationId: store.stockLocationId,
      })
      const [a, b, c] = products
      const productModule = container.resolve(Modules.PRODUCT)
      const pricing = container.resolve(Modules.PRICING)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)

      // Tags and categories made in an order their ids do not sort by, one renamed afterwards.
      const tags = await productModule.createProductTags([{ value: "zeta" }, { value: "alpha" }, { value: "mid" }])
      await productModule.updateProductTags(tags[1].id, { value: "alpha, renamed" })
      await productModule.updateProducts(a.id, { tag_ids: [tags[2].id, tags[0].id, tags[1].id] })
      await productModule.updateProducts(b.id, { tag_ids: [tags[1].id] })
      const categories = await productModule.createProductCategories([
        { name: "Shirts", handle: "shirts", is_active: true },
        { name: "Apparel", handle: "apparel", is_active: true },
      ])
      await productModule.updateProducts(a.id, { category_ids: [categories[1].id, categories[0].id] })
      const [type] = await productModule.createProductTypes([{ value: "Tees" }])
      const [collection] = await productModule.createProductCollections([{ title: "Summer", handle: "summer" }])
      await productModule.updateProducts(b.id, { type_id: type.id, collection_id: collection.id, images: [{ url: "http://localhost:9000/static/z.jpg" }, { url: "http://localhost:9000/static/a.jpg" }] })

      const { data: variants } = await query.graph({
        entity: "product_variant",
        fields: ["id", "product_id", "price_set.id"],
        filters: { product_id: [a.id, b.id] },
      })
      const ofA = variants.filter((v: any) => v.product_id === a.id)
      // A second currency, a price with a rule and a price list's price: only base prices count.
      await pricing.addPrices({ priceSetId: ofA[0].price_set.id, prices: [{ amount: 17, currency_code: "eur" }, { amount: 30, currency_code: "usd", rules: { region_id: "reg_test" } }] })
      await pricing.createPriceLists([
        { title: "Sale", description: "Sale", prices: [{ amount: 9.5, currency_code: "usd", price_set_id: ofA[1].price_set.id }] },
      ])
      // Deleted rows are not read: a variant, an image, a tag.
      await productModule.softDeleteProductVariants([ofA[2].id])
      await productModule.softDeleteProductTags([tags[0].id])
      await productModule.updateProducts(c.id, { title: "Renamed after creation", metadata: { brand: "Other", nested: { a: 1 } } })

      const ids = products.map((p) => p.id)
      const sql = await readListingProductRows(container, ids)
      const graph = await graphListingProductRows(container, ids)
      expect(sql).not.toBeNull()
      const shaped = (rows: any[]) => Object.fromEntries(rows.map((r) => [r.id, toListingProduct(r)]))
      const fromSql = shaped(sql!)
      const fromGraph = shaped(graph)
      expect(Object.keys(fromSql).sort()).toEqual([...ids].sort())
      for (const id of ids) {
        expect({ id, product: fromSql[id] }).toEqual({ id, product: fromGraph[id] })
      }
      // The cases above are really in the data.
      expect(fromSql[a.id].source.tags.length).toBe(2)
      expect(fromSql[a.id].source.categories.length).toBe(2)
      expect(fromSql[a.id].source.variants.length).toBe(3)
      expect(fromSql[a.id].source.variants[0].prices.map((p) => p.currency_code).sort()).toEqual(["eur", "usd"])
      expect(fromSql[b.id].source.options.find((o) => o.title === "Color")?.values.length).toBe(3)

      // A deleted product is absent, as from query.graph.
      await productModule.softDeleteProducts([c.id])
      expect((await readListingProductRows(container, [c.id, a.id]))!.map((r) => r.id)).toEqual([a.id])
    })

    it("pages a sales channel's product ids by key: every product once, in id order, and none of another channel", async () => {
      const container = getContainer()
      const store = await setupUsStore(container)
      const salesChannels = container.resolve(Modules.SALES_CHANNEL)
      const [channel, other] = await salesChannels.createSalesChannels([{ name: "Paged" }, { name: "Other" }])
      const options = { shippingProfileId: store.shippingProfileId, stockLocationId: store.stockLocationId }
      const inChannel = await createSeedProducts(container, [11, 12, 13, 14, 15].map((i) => sampleProductSeed(i)), { ...options, salesChannelIds: [channel.id] })
      await createSeedProducts(container, [16, 17].map((i) => sampleProductSeed(i)), { ...options, salesChannelIds: [other.id] })

      const paged: string[] = []
      for (let after: string | null = null; ; ) {
        const ids: string[] = await pageChannelProductIds(container, channel.id, after, 2)
        paged.push(...ids)
        if (ids.length < 2) break
        after = ids[ids.length - 1]
      }
      expect(paged).toEqual(inChannel.map((p) => p.id).sort())

      // Read from the link's table, as query.graph reads it: a product taken out of the channel
      // and a deleted one are in neither answer.
      const [, second, third] = [...inChannel].sort((x, y) => (x.id < y.id ? -1 : 1))
      await container
        .resolve(ContainerRegistrationKeys.LINK)
        .dismiss({ [Modules.PRODUCT]: { product_id: second.id }, [Modules.SALES_CHANNEL]: { sales_channel_id: channel.id } })
      await deleteProductsWorkflow(container).run({ input: { ids: [third.id] } })
      const all = [...inChannel.map((p) => p.id), "prod_missing"]
      const sqlIn = await productsInChannel(container, channel.id, all)
      expect([...sqlIn].sort()).toEqual((await graphChannelProductIds(container, channel.id, { product_id: all })).sort())
      expect(sqlIn.size).toBe(3)
      const first = await pageChannelProductIds(container, channel.id, null, 2)
      expect(first).toHaveLength(2)
      expect(first).toEqual(await graphChannelProductIds(container, channel.id, {}, 2))
      const rest = await pageChannelProductIds(container, channel.id, first[1], 10)
      expect(rest).toEqual(await graphChannelProductIds(container, channel.id, { product_id: { $gt: first[1] } }, 10))
      expect([...first, ...rest]).toEqual([...sqlIn].sort())
      expect([...first, ...rest]).toEqual(await graphChannelProductIds(container, channel.id, {}))
    })
  },
})
