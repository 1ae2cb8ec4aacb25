import { toListingProduct } from "../../../src/lib/listings/source-product"

const raw = {
  id: "prod_1",
  title: "Tee",
  images: [
    { id: "img_2", url: "http://x/back.jpg", rank: 1 },
    { id: "img_1", url: "http://x/front.jpg", rank: 0 },
  ],
  tags: [
    { id: "ptag_02", value: "summer" },
    { id: "ptag_01", value: "cotton" },
  ],
  categories: [
    { id: "pcat_2", name: "Tees", handle: "tees" },
    { id: "pcat_1", name: "Apparel", handle: "apparel" },
  ],
  options: [
    { id: "opt_2", title: "Size", values: [{ id: "optval_4", value: "L" }, { id: "optval_3", value: "M" }] },
    { id: "opt_1", title: "Color", values: [{ id: "optval_2", value: "Blue" }, { id: "optval_1", value: "Red" }] },
  ],
  variants: [
    {
      id: "variant_1",
      sku: "TEE-RED-M",
      variant_rank: 0,
      options: [{ id: "optval_3", value: "M", option: { title: "Size" } }, { id: "optval_1", value: "Red", option: { title: "Color" } }],
      prices: [
        { id: "price_3", amount: 9, currency_code: "usd", price_list_id: "plist_1", price_rules: [] },
        { id: "price_2", amount: 17, currency_code: "eur", price_list_id: null, price_rules: [] },
        { id: "price_1", amount: "19.99", currency_code: "usd", price_list_id: null, price_rules: [] },
        { id: "price_4", amount: 30, currency_code: "usd", price_list_id: null, price_rules: [{ attribute: "region_id" }] },
      ],
      inventory_items: [
        { inventory_item_id: "iitem_2", required_quantity: 2 },
        { inventory_item_id: "iitem_1", required_quantity: null },
      ],
    },
  ],
}

const reversed = (value: any): any =>
  Array.isArray(value) ? [...value].reverse().map(reversed) : value && typeof value === "object" ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reversed(v)])) : value

describe("toListingProduct", () => {
  it("orders every list by id (images by rank), whatever order the rows come in", () => {
    const product = toListingProduct(raw)
    expect(product.source.images.map((i) => i.url)).toEqual(["http://x/front.jpg", "http://x/back.jpg"])
    expect(product.source.tags.map((t) => t.value)).toEqual(["cotton", "summer"])
    expect(product.source.categories.map((c) => c.handle)).toEqual(["apparel", "tees"])
    expect(product.source.options.map((o) => [o.title, o.values.map((v) => v.value)])).toEqual([
      ["Color", ["Red", "Blue"]],
      ["Size", ["M", "L"]],
    ])
    expect(product.source.variants[0].options.map((o) => o.value)).toEqual(["Red", "M"])
    // Base prices only: no price list, no rules.
    expect(product.source.variants[0].prices).toEqual([
      { amount: 19.99, currency_code: "usd" },
      { amount: 17, currency_code: "eur" },
    ])
    expect(product.inventory.variant_1).toEqual([
      { inventory_item_id: "iitem_1", required_quantity: 1 },
      { inventory_item_id: "iitem_2", required_quantity: 2 },
    ])
    expect(toListingProduct(reversed(raw))).toEqual(product)
  })
})
