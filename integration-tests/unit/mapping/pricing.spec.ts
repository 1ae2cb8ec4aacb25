import {
  buildPayload,
  computeInventory,
  computePrice,
  formatPrice,
  variantPrice,
  type PriceRules,
  type QuantityRules,
} from "../../../src/lib/mapping"
import { context, product, variant } from "./fixtures"

const usd = (rounding: PriceRules["rounding"], markup_percent = 0): PriceRules => ({
  source: "usd_price",
  markup_percent,
  rounding,
})

describe("computePrice", () => {
  it.each<[string, number, PriceRules, number | undefined]>([
    ["none keeps the value", 12.345, usd("none"), 12.345],
    ["two_decimals rounds half up", 12.345, usd("two_decimals"), 12.35],
    ["two_decimals survives float noise", 1.005, usd("two_decimals"), 1.01],
    ["whole rounds up", 12.01, usd("whole"), 13],
    ["whole keeps a whole value", 12, usd("whole"), 12],
    ["cents_99 from a whole value", 12, usd("cents_99"), 12.99],
    ["cents_99 keeps .99", 12.99, usd("cents_99"), 12.99],
    ["cents_99 just above .99", 13, usd("cents_99"), 13.99],
    ["cents_99 mid", 12.5, usd("cents_99"), 12.99],
    ["cents_99 below one", 0.4, usd("cents_99"), 0.99],
    ["markup percent", 10, usd("two_decimals", 15), 11.5],
    ["markup then cents_99", 10, usd("cents_99", 25), 12.99],
    ["negative markup (discount)", 10, usd("two_decimals", -10), 9],
    ["convert with rate", 10, { source: "convert", usd_rate: 1.1, store_currency: "eur", markup_percent: 0, rounding: "two_decimals" }, 11],
    ["convert, markup, whole", 10, { source: "convert", usd_rate: 1.08, store_currency: "eur", markup_percent: 10, rounding: "whole" }, 12],
    ["convert without rate", 10, { source: "convert", store_currency: "eur", markup_percent: 0, rounding: "none" }, undefined],
    ["not a number", NaN, usd("none"), undefined],
  ])("%s", (_, amount, rules, expected) => {
    expect(computePrice(amount, rules)).toBe(expected)
  })

  it.each([
    [12.345, "12.35"],
    [3, "3.00"],
    [0.1 + 0.2, "0.30"],
  ])("formatPrice(%s) = %s", (n, s) => {
    expect(formatPrice(n)).toBe(s)
  })

  it("variantPrice picks the USD price or the store-currency price", () => {
    const v = variant()
    expect(variantPrice(v, usd("none"))).toBe(19.5)
    expect(variantPrice(v, { source: "convert", usd_rate: 1.1, store_currency: "EUR", markup_percent: 0, rounding: "two_decimals" })).toBe(19.8)
    expect(variantPrice(v, { source: "convert", usd_rate: 1.1, store_currency: "gbp", markup_percent: 0, rounding: "none" })).toBeUndefined()
  })
})

describe("computeInventory", () => {
  it.each<[string, number, QuantityRules, number]>([
    ["plain", 10, { buffer: 0 }, 10],
    ["minus buffer", 10, { buffer: 3 }, 7],
    ["never below zero", 2, { buffer: 3 }, 0],
    ["capped", 500, { buffer: 0, max_quantity: 100 }, 100],
    ["buffer then cap", 105, { buffer: 10, max_quantity: 100 }, 95],
    ["null cap", 500, { buffer: 0, max_quantity: null }, 500],
    ["fractions floor", 7.9, { buffer: 0 }, 7],
    ["negative sellable", -4, { buffer: 0 }, 0],
    ["AliExpress ceiling", 5_000_000, { buffer: 0 }, 999999],
    ["unmanaged stock publishes the cap", Infinity, { buffer: 0, max_quantity: 50 }, 50],
    ["NaN", NaN, { buffer: 0 }, 0],
  ])("%s", (_, sellable, rules, expected) => {
    expect(computeInventory(sellable, rules)).toBe(expected)
  })
})

describe("prices and stock in the payload", () => {
  it("applies price rules and quantity rules per variant", () => {
    const ctx = context({
      priceRules: { source: "convert", usd_rate: 1.1, store_currency: "eur", markup_percent: 10, rounding: "cents_99" },
      quantityRules: { buffer: 2, max_quantity: 10 },
    })
    const { payload } = buildPayload(product(), ctx)
    // 18 EUR * 1.1 = 19.80 USD, +10% = 21.78 -> 21.99
    expect(payload.sku_info_list.map((s) => [s.sku_code, s.price, s.inventory])).toEqual([
      ["SHIRT-S", "21.99", 3],
      ["SHIRT-M", "21.99", 0],
      ["SHIRT-L", "21.99", 10],
    ])
  })

  it("a mapped Retail Price entry is used per variant", () => {
    const ctx = context()
    ctx.template.fields.retail_price = { source: "attribute", path: "variant.metadata.price" }
    const p = product({
      variants: [variant({ size: "S", metadata: { price: "9.5" } }), variant({ size: "M", metadata: { price: 11 } })],
      options: [{ title: "Size", values: [{ value: "S" }, { value: "M" }] }],
    })
    expect(buildPayload(p, ctx).payload.sku_info_list.map((s) => s.price)).toEqual(["9.50", "11.00"])
  })

  it("variants whose inventory Medusa does not manage publish the cap", () => {
    const p = product({ variants: [variant({ size: "S", manage_inventory: false })], options: [] })
    const ctx = context({ quantityRules: { buffer: 0, max_quantity: 25 } })
    expect(buildPayload(p, ctx).payload.sku_info_list[0].inventory).toBe(25)
  })
})
