import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { updateProductVariantsWorkflow } from "@medusajs/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { productPrints } from "../../src/workflows/listings/helpers/source-prints"
import { graphListingProductRows, loadListingProducts } from "../../src/workflows/listings/helpers/load-products"
import { toListingProduct } from "../../src/lib/listings/source-product"
import { createSeedProducts, sampleProductSeed, setupUsStore } from "../../scripts/lib/store-setup"

jest.setTimeout(240 * 1000)

/**
 * The fingerprint that lets the reconcile pass over an unchanged product must change with
 * every change the listing's mapping would see: each step below changes one thing of product
 * A through Medusa's own modules and checks that A's fingerprint moved and B's did not.
 */
medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ getContainer }) => {
    it("changes with each row the mapping reads: product, images, tags, type, collection, categories, variants, prices, rules, stock and reservations", async () => {
      const container = getContainer()
      const store = await setupUsStore(container)
      const [a, b] = await createSeedProducts(container, [sampleProductSeed(1), sampleProductSeed(2)], {
        salesChannelIds: [],
        shippingProfileId: store.shippingProfileId,
        stockLocationId: store.stockLocationId,
      })
      const product = container.resolve(Modules.PRODUCT)
      const pricing = container.resolve(Modules.PRICING)
      const inventory = container.resolve(Modules.INVENTORY)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: variants } = await query.graph({
        entity: "product_variant",
        fields: ["id", "sku", "price_set.id", "inventory_items.inventory_item_id"],
        filters: { product_id: a.id },
      })
      const [red, blue] = variants
      const item = red.inventory_items[0].inventory_item_id

      const prints = async () => {
        const m = await productPrints(container, [a.id, b.id])
        expect(m.size).toBe(2)
        return { a: m.get(a.id)!, b: m.get(b.id)! }
      }
      let last = await prints()
      expect(await prints()).toEqual(last)
      // Prints are row versions: the database's own upkeep, which moves rows or freezes them,
      // leaves them as they were.
      const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      for (const table of ["product", "product_variant", "price", "inventory_level", "image"]) {
        await knex.raw(`vacuum (freeze) ${table}`)
        await knex.raw(`vacuum full ${table}`)
      }
      expect(await prints()).toEqual(last)
      const changes: [string, () => Promise<unknown>][] = [
        ["title", () => product.updateProducts(a.id, { title: "Classic Cotton Tee, new" })],
        ["metadata", () => product.updateProducts(a.id, { metadata: { brand: "Other" } })],
        ["an image removed", () => product.updateProducts(a.id, { images: [{ url: "http://localhost:9000/static/only.jpg" }] })],
        ["a tag added", async () => {
          const [tag] = await product.createProductTags([{ value: "summer" }])
          await product.updateProducts(a.id, { tag_ids: [tag.id] })
        }],
        ["a tag renamed", async () => {
          const [tag] = await product.listProductTags({ value: "summer" })
          await product.updateProductTags(tag.id, { value: "winter" })
        }],
        ["a type set", async () => {
          const [type] = await product.createProductTypes([{ value: "Shirts" }])
          await product.updateProducts(a.id, { type_id: type.id })
        }],
        ["the type renamed", async () => {
          const [type] = await product.listProductTypes({ value: "Shirts" })
          await product.updateProductTypes(type.id, { value: "Tees" })
        }],
        ["a collection set", async () => {
          const [collection] = await product.createProductCollections([{ title: "Summer", handle: "summer" }])
          await product.updateProducts(a.id, { collection_id: collection.id })
        }],
        ["the collection renamed", async () => {
          const [collection] = await product.listProductCollections({ handle: "summer" })
          await product.updateProductCollections(collection.id, { title: "Winter" })
        }],
        ["a category set", async () => {
          const [category] = await product.createProductCategories([{ name: "Shirts", handle: "shirts", is_active: true }])
          await product.updateProducts(a.id, { category_ids: [category.id] })
        }],
        ["the category renamed", async () => {
          const [category] = await product.listProductCategories({ handle: "shirts" })
          await product.updateProductCategories(category.id, { name: "Tees" })
        }],
        ["a variant's barcode", () => product.updateProductVariants(red.id, { barcode: "0123456789012" })],
        ["a price", () => updateProductVariantsWorkflow(container).run({ input: { product_variants: [{ id: red.id, prices: [{ amount: 24.5, currency_code: "usd" }] }] } })],
        ["a price with a rule added", () => pricing.addPrices({ priceSetId: red.price_set.id, prices: [{ amount: 30, currency_code: "usd", rules: { region_id: "reg_test" } }] })],
        ["stock", () => inventory.updateInventoryLevels([{ inventory_item_id: item, location_id: store.stockLocationId, stocked_quantity: 7 }])],
        ["a reservation", () => inventory.createReservationItems([{ inventory_item_id: item, location_id: store.stockLocationId, quantity: 1 }])],
        ["a variant deleted", () => product.softDeleteProductVariants([blue.id])],
        ["a stock level written straight in SQL", () => knex.raw(`update inventory_level set stocked_quantity = stocked_quantity + 1 where inventory_item_id = ?`, [item])],
      ]
      for (const [what, change] of changes) {
        const loadedBefore = JSON.stringify([...(await loadListingProducts(container, [a.id])).values()])
        await change()
        const now = await prints()
        expect({ what, moved: now.a !== last.a, other: now.b === last.b }).toEqual({ what, moved: true, other: true })
        last = now
        // The sync's one-statement load reads the same as query.graph after every change.
        const graphed = (await graphListingProductRows(container, [a.id])).map(toListingProduct)
        expect({ what, loaded: [...(await loadListingProducts(container, [a.id])).values()] }).toEqual({ what, loaded: graphed })
        // Each of these changes is one the mapping's own load sees, or one of its inputs (stock).
        if (!["stock", "a reservation", "a price with a rule added", "a stock level written straight in SQL"].includes(what)) {
          expect({ what, loaded: JSON.stringify([...(await loadListingProducts(container, [a.id])).values()]) !== loadedBefore }).toEqual({ what, loaded: true })
        }
      }
      await product.softDeleteProducts([a.id])
      const after = await productPrints(container, [a.id, b.id])
      expect([...after.keys()]).toEqual([b.id])
    })
  },
})
