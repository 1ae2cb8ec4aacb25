import { defaultTemplate, type AttributeMapping, type LookupList } from "../../src/lib/mapping"
import type { ProductSeed } from "./store-setup"

type DemoProduct = Omit<ProductSeed, "images"> & { imageColors: string[] }

export const DEMO_CATEGORIES = [
  { name: "T-Shirts", handle: "t-shirts", aliexpressCategoryId: "200000346" },
  { name: "Hoodies", handle: "hoodies", aliexpressCategoryId: "200000347" },
  { name: "Dresses", handle: "dresses", aliexpressCategoryId: "200000348" },
  { name: "Shirts", handle: "shirts", aliexpressCategoryId: "200000349" },
]

const SIZES = ["S", "M", "L"]

function apparel(
  n: number,
  title: string,
  categoryHandle: string,
  colors: string[],
  price: number,
  extra: Partial<DemoProduct> = {}
): DemoProduct {
  const handle = title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/(^-|-$)/g, "")
  return {
    title,
    handle,
    description:
      `<p>The <b>${title}</b> is made for everyday wear.</p>` +
      `<ul><li>Soft, breathable fabric</li><li>Regular fit</li><li>Machine washable at 30°C</li></ul>`,
    weight: 250 + n * 10,
    length: 32,
    width: 26,
    height: 4,
    colors,
    sizes: SIZES,
    price,
    stock: 25 + n * 3,
    skuPrefix: `AE${String(n).padStart(2, "0")}`,
    metadata: { brand: "Northwind", gender: categoryHandle === "dresses" ? "Women" : "Unisex" },
    material: "Cotton",
    origin_country: ["cn", "vn", "pt", "in", "bd", "tr"][n % 6],
    categoryHandle,
    imageColors: colors.slice(0, 2),
    ...extra,
  }
}

export const DEMO_PRODUCTS: DemoProduct[] = [
  apparel(1, "Classic Crew Neck T-Shirt", "t-shirts", ["Black", "White"], 14.99),
  // "Organic Cotton" is no AliExpress material: the demo's "materials" value list maps it to Cotton.
  apparel(2, "Organic Cotton V-Neck Tee", "t-shirts", ["Navy", "Grey"], 17.5, { material: "Organic Cotton" }),
  apparel(3, "Striped Breton Tee", "t-shirts", ["Navy", "White"], 21),
  apparel(4, "Performance Running Tee", "t-shirts", ["Orange", "Blue"], 19.99, { material: "Polyester, Spandex" }),
  apparel(5, "Pullover Fleece Hoodie", "hoodies", ["Grey", "Black"], 39.99, { material: "Cotton, Polyester" }),
  apparel(6, "Zip-Up Hoodie", "hoodies", ["Green", "Navy"], 44),
  apparel(7, "Lightweight Summer Hoodie", "hoodies", ["Yellow", "White"], 34.5),
  apparel(8, "Linen Midi Dress", "dresses", ["White", "Pink"], 49.9, { material: "Linen" }),
  apparel(9, "Floral Wrap Dress", "dresses", ["Pink", "Red"], 54, { material: "Viscose" }),
  apparel(10, "Oxford Button-Down Shirt", "shirts", ["Blue", "White"], 36),
  apparel(11, "Flannel Check Shirt", "shirts", ["Red", "Green"], 32.99, { material: "Wool, Acrylic" }),
  apparel(12, "Denim Work Shirt", "shirts", ["Blue", "Navy"], 42),
  // Deliberately flawed, so the listing error views have something true to show.
  apparel(13, "Ultimate Everyday Premium Heavyweight Cotton Crew Neck T-Shirt with Reinforced Shoulder Seams Double Stitched Hem and Tagless Comfort Label", "t-shirts", ["Black", "Red"], 24.99, {
    handle: "flawed-long-title-tee",
  }),
  apparel(14, "Retro Graphic Tee", "t-shirts", ["White", "Black"], 22, {
    handle: "flawed-script-tee",
    description: `<script>alert("hello")</script><form action="https://example.com"><input name="q"></form>`,
  }),
  apparel(15, "Seven Photo Hoodie", "hoodies", ["Black", "Grey"], 45, {
    handle: "flawed-seven-images-hoodie",
    imageColors: ["Black", "Grey", "Blue", "Red", "Green", "Yellow", "Pink"],
  }),
  // No material anywhere: AliExpress requires Material in every clothing category.
  apparel(16, "Merino Travel Tee", "t-shirts", ["Grey", "Black"], 38, {
    handle: "flawed-no-material-tee",
    material: null,
  }),
]

/** The demo's value list: a material AliExpress does not list, matched to the one it is. */
export const DEMO_VALUE_LISTS: Omit<LookupList, "id">[] = [{ name: "materials", entries: [{ from: "Organic Cotton", to: "47" }] }]

/**
 * The demo's attribute mapping: Brand Name from the Brand field (metadata.brand), Origin and
 * Material from the product's own fields (Material through the "materials" value list), Gender
 * from metadata.gender.
 */
export function demoAttributeMapping(): Record<string, AttributeMapping> {
  const base = defaultTemplate().attributes!
  return {
    ...base,
    Material: { ...base.Material, value_list: "materials" },
    Gender: { source: { source: "attribute", path: "metadata.gender" } },
  }
}
