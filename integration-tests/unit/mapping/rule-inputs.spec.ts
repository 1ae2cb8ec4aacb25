import { applyRules, hashListing, mapProduct, type MappingContext, type PriceRules, type QuantityRules } from "../../../src/lib/mapping"
import { context, product, variant } from "./fixtures"

/** Maps in full under `rules` and returns what applyRules must give from another mapping's inputs. */
function fullMapping(ctx: MappingContext, source = product()) {
  const mapped = mapProduct(source, ctx)
  if (!mapped.payload) throw new Error(`fixture is invalid: ${JSON.stringify(mapped.problems)}`)
  const hashes = hashListing(mapped.payload)
  return {
    ruleInputs: mapped.ruleInputs,
    expected: {
      skus: mapped.payload.sku_info_list.map((s) => ({ sku_code: s.sku_code, price: s.price, inventory: s.inventory })),
      price: hashes.price,
      stock: hashes.stock,
    },
  }
}

const before = context()

describe("rule inputs", () => {
  it("keep each SKU's amount and sellable quantity before the rules, in the payload's order", () => {
    expect(fullMapping(before).ruleInputs).toEqual([
      ["SHIRT-S", 19.5, 5],
      ["SHIRT-M", 19.5, 0],
      ["SHIRT-L", 19.5, 12],
    ])
  })

  const changes: [string, Partial<PriceRules>, Partial<QuantityRules>][] = [
    ["a markup", { markup_percent: 12.5 }, {}],
    ["rounding to .99", { markup_percent: 10, rounding: "cents_99" }, {}],
    ["whole dollars", { rounding: "whole" }, {}],
    ["two decimals with a markup", { rounding: "two_decimals", markup_percent: 33.3333 }, {}],
    ["a buffer", {}, { buffer: 2 }],
    ["a maximum", {}, { max_quantity: 7 }],
    ["all at once", { markup_percent: -5, rounding: "cents_99" }, { buffer: 1, max_quantity: 10 }],
  ]
  for (const [what, price, quantity] of changes) {
    it(`priced again under ${what}, give exactly what mapping the product again gives`, () => {
      const { ruleInputs } = fullMapping(before)
      const after = context({ priceRules: { ...before.priceRules, ...price }, quantityRules: { ...before.quantityRules, ...quantity } })
      expect(applyRules(ruleInputs, after.priceRules, after.quantityRules)).toEqual(fullMapping(after).expected)
    })
  }

  it("follow a converted store-currency price, a mapped retail price and stock that is not managed", () => {
    const eur = context({ priceRules: { source: "convert", usd_rate: 1.08, store_currency: "eur", markup_percent: 0, rounding: "none" } })
    const eurMarkup = context({ priceRules: { ...eur.priceRules, usd_rate: 1.1, markup_percent: 20 } })
    expect(applyRules(fullMapping(eur).ruleInputs, eurMarkup.priceRules, eurMarkup.quantityRules)).toEqual(fullMapping(eurMarkup).expected)

    const mapped = context()
    mapped.template.fields.retail_price = { source: "attribute", path: "metadata.fit" }
    const mappedMarkup = { ...mapped, priceRules: { ...mapped.priceRules, markup_percent: 50 } }
    expect(fullMapping(mapped).ruleInputs.map(([, amount]) => amount)).toEqual([3, 3, 3])
    expect(applyRules(fullMapping(mapped).ruleInputs, mappedMarkup.priceRules, mappedMarkup.quantityRules)).toEqual(fullMapping(mappedMarkup).expected)

    const unmanaged = product({ variants: [variant({ size: "S", manage_inventory: false }), variant({ size: "M" })] })
    const capped = context({ quantityRules: { buffer: 1, max_quantity: 40 } })
    const inputs = fullMapping(before, unmanaged).ruleInputs
    expect(inputs[0]).toEqual(["SHIRT-S", 19.5, null])
    expect(applyRules(inputs, capped.priceRules, capped.quantityRules)).toEqual(fullMapping(capped, unmanaged).expected)
  })

  it("give nothing when a price would be missing or out of AliExpress' range: the full mapping says why", () => {
    const { ruleInputs } = fullMapping(before)
    expect(applyRules(ruleInputs, { ...before.priceRules, markup_percent: -100 }, before.quantityRules)).toBeNull()
    expect(applyRules(ruleInputs, { ...before.priceRules, markup_percent: 10_000_000 }, before.quantityRules)).toBeNull()
    expect(applyRules(ruleInputs, { source: "convert", store_currency: "usd", markup_percent: 0, rounding: "none" }, before.quantityRules)).toBeNull()
    expect(applyRules([["SKU-1", null, 3]], before.priceRules, before.quantityRules)).toBeNull()
  })
})
