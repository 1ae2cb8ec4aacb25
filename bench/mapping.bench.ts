import { defaultTemplate, mapProduct, type MappingContext } from "../src/lib/mapping"
import { sourceProduct } from "./lib/catalogue"
import { judge, type BenchResult } from "./lib/report"

/** Benchmark 1: mapping + validation, products per second on one core. */
export async function run(options: { seconds: number }): Promise<BenchResult[]> {
  const template = defaultTemplate()
  template.fields.category_id = { source: "lookup", list: "categories", path: "categories.handle", on_miss: "problem" }
  template.fields.freight_template_id = { source: "constant", value: "1000" }
  template.fields.service_template_id = { source: "constant", value: "1001001" }

  // Distinct products so no cache sees the same description twice in a row.
  const products = Array.from({ length: 2000 }, (_, i) => sourceProduct(i))
  const stock: Record<string, number> = {}
  products.forEach((p) => p.variants.forEach((v) => (stock[v.id] = 10)))
  const ctx: MappingContext = {
    template,
    lookupLists: [{ id: "lkp_1", name: "categories", entries: [{ from: "t-shirts", to: "200000346" }] }],
    priceRules: { source: "usd_price", markup_percent: 10, rounding: "cents_99" } as any,
    quantityRules: { buffer: 1, max_quantity: 100 },
    stock,
    categoryInfo: () => ({ isLeaf: true }),
  }

  const first = mapProduct(products[0], ctx)
  if (!first.payload) {
    throw new Error(`benchmark product is invalid: ${JSON.stringify(first.problems)}`)
  }

  const deadline = process.hrtime.bigint() + BigInt(Math.round(options.seconds * 1e9))
  const start = process.hrtime.bigint()
  let count = 0
  while (process.hrtime.bigint() < deadline) {
    for (let i = 0; i < 100; i++) {
      mapProduct(products[count % products.length], ctx)
      count++
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const perSecond = Math.round(count / seconds)
  return [judge("1. mapping + validation (one core)", perSecond, "products/s", ">=", 10000, `${count} products in ${seconds.toFixed(1)} s`)]
}
