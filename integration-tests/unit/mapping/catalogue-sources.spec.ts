import { catalogueSources, searchSources } from "../../../src/lib/mapping/catalogue-sources"
import { isKnownPath } from "../../../src/lib/mapping"
import { product, variant } from "./fixtures"

const byPath = (sources: ReturnType<typeof catalogueSources>) => new Map(sources.map((s) => [s.path, s]))

describe("catalogue sources (the attribute picker)", () => {
  const products = [
    product(),
    product({
      id: "prod_2",
      title: "Linen Trousers",
      metadata: { brand: "Linea", care: { wash: "30C" } },
      options: [{ title: "Color", values: [{ value: "Sand" }] }],
      variants: [variant({ size: "M", color: "Sand", metadata: { gtin: "0123" } })],
      tags: [],
      collection: null,
    }),
  ]
  const sources = catalogueSources(products, {
    categories: [{ name: "Trousers", handle: "trousers" }],
    collections: [{ title: "Winter", handle: "winter" }],
    types: ["Bottoms"],
    tags: ["linen"],
  })
  const map = byPath(sources)

  it("offers only paths the template engine reads", () => {
    for (const s of sources) expect(isKnownPath(s.path)).toBe(true)
  })

  it("gives product fields examples from the products, with how many hold a value", () => {
    expect(map.get("title")).toMatchObject({ label: "Title", group: "product", products: 2, examples: ["Classic Cotton Shirt", "Linen Trousers"] })
    expect(map.get("weight")).toMatchObject({ examples: ["350"], products: 2, where: "Product > Attributes > Weight" })
  })

  it("shows descriptions as plain text, cut short", () => {
    expect(map.get("description")!.examples[0]).toBe("A classic shirt. 100% cotton")
    const long = catalogueSources([product({ title: "x".repeat(200) })])
    expect(byPath(long).get("title")!.examples[0]).toHaveLength(80)
  })

  it("finds the metadata keys the catalogue carries, nested ones as a.b", () => {
    expect(map.get("metadata.brand")).toMatchObject({ label: "Metadata: brand", group: "metadata", examples: ["Acme", "Linea"], products: 2 })
    expect(map.get("metadata.care.wash")?.examples).toEqual(["30C"])
    expect(map.get("metadata.fit")?.examples).toEqual(["3"])
    expect(map.get("variant.metadata.gtin")?.examples).toEqual(["0123"])
  })

  it("offers each option as the variant's value and as the product's list", () => {
    expect(map.get("variant.option.Size")).toMatchObject({ group: "options", examples: ["S", "M", "L"] })
    expect(map.get("options.Size")).toMatchObject({ examples: ["S, M, L"], products: 1 })
    expect(map.get("variant.option.Color")?.examples).toEqual(["Sand"])
  })

  it("offers a price per currency found on the variants", () => {
    expect(map.get("variant.price.usd")).toMatchObject({ label: "Variant price (USD)", examples: ["19.5"] })
    expect(map.get("variant.price.eur")?.examples).toEqual(["18"])
  })

  it("adds the entity lists' values to categories, collections, types and tags", () => {
    expect(map.get("categories.name")?.examples).toEqual(["Shirts", "Trousers"])
    expect(map.get("collection")?.examples).toEqual(["Summer", "Winter"])
    expect(map.get("collection")?.products).toBe(1)
    expect(map.get("type")?.examples).toEqual(["Apparel", "Bottoms"])
    expect(map.get("tags")?.examples).toEqual(["shirt, cotton", "linen"])
  })

  it("keeps fields with no value in the sample, with no examples", () => {
    expect(map.get("variant.barcode")).toMatchObject({ examples: [], products: 0 })
  })

  it("searches paths, labels and examples by every word", () => {
    expect(searchSources(sources, "brand").map((s) => s.path)).toEqual(["metadata.brand"])
    expect(searchSources(sources, "linea").map((s) => s.path)).toEqual(["metadata.brand"])
    expect(searchSources(sources, "variant price").map((s) => s.path)).toEqual(["variant.price.eur", "variant.price.usd"])
    expect(searchSources(sources, "  ")).toHaveLength(sources.length)
  })
})
