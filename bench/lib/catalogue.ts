import type { SourceProduct } from "../../src/lib/mapping"

const PARAGRAPH =
  "<p>Crafted from <b>premium combed cotton</b> with a soft hand feel, this piece keeps its shape wash after wash. " +
  "Reinforced seams and a tagless label make it comfortable all day.</p>"
const LIST = "<ul><li>100% cotton, 180 gsm</li><li>Regular fit</li><li>Machine wash cold</li><li>Imported</li></ul>"

/** About 2 KB of basic HTML, as a typical product description. */
export function description(i: number): string {
  let html = `<p><strong>Style ${i}</strong></p>`
  while (html.length < 2000) html += PARAGRAPH + LIST + "<hr>"
  return html
}

/** A product as query.graph returns it: 3 variants, 4 images, a 2 KB description. */
export function sourceProduct(i: number): SourceProduct {
  const colors = ["Red", "Blue", "Black"]
  return {
    id: `prod_${i}`,
    title: `Heavyweight Cotton Tee ${i}`,
    handle: `heavyweight-cotton-tee-${i}`,
    description: description(i),
    weight: 220,
    length: 30,
    width: 25,
    height: 3,
    images: [1, 2, 3, 4].map((n) => ({ url: `https://cdn.example.com/tee-${i}-${n}.jpg` })),
    tags: [{ value: "cotton" }, { value: "tee" }],
    categories: [{ id: "pcat_1", name: "T-Shirts", handle: "t-shirts" }],
    metadata: { brand: "Northwind" },
    options: [
      { title: "Color", values: colors.map((value) => ({ value })) },
      { title: "Size", values: [{ value: "M" }] },
    ],
    variants: colors.map((color, v) => ({
      id: `variant_${i}_${v}`,
      sku: `TEE${i}-${color.toUpperCase()}-M`,
      title: `${color} / M`,
      options: [
        { value: color, option: { title: "Color" } },
        { value: "M", option: { title: "Size" } },
      ],
      prices: [{ amount: 19.99, currency_code: "usd" }],
      manage_inventory: true,
    })),
  }
}
