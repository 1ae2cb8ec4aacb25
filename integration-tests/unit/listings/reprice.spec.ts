import { hashListing, mapProduct, type MappingContext } from "../../../src/lib/mapping"
import { planListing, type ListingRow } from "../../../src/lib/listings/plan"
import { baseContextPrint, baseStamp, contextPrint, sourceStamp } from "../../../src/lib/listings/source-stamp"
import { repriceByBaseStamp, type RepriceableRow } from "../../../src/lib/listings/reprice"
import { toUpdateCandidate } from "../../../src/lib/listings/updates"
import { context, product } from "../mapping/fixtures"
import { listedRow } from "./listed-row"

const PRINT = "product-rows-print"
const source = product()

const contextsOf = (ctx: MappingContext) => {
  const parts = { setup: { template: ctx.template, lookupLists: ctx.lookupLists, priceRules: ctx.priceRules, quantityRules: ctx.quantityRules }, locationIds: ["sloc_1"], categories: [] }
  return { full: contextPrint(parts), base: baseContextPrint(parts) }
}

/** The listing as the last full mapping under `ctx` left it: sent, stamped, with its rule inputs. */
function listedUnder(ctx: MappingContext, overrides: Partial<RepriceableRow> = {}): RepriceableRow {
  const mapped = mapProduct(source, ctx)
  if (!mapped.payload) throw new Error(`fixture is invalid: ${JSON.stringify(mapped.problems)}`)
  const hashes = hashListing(mapped.payload)
  const contexts = contextsOf(ctx)
  return {
    ...listedRow(hashes),
    source_stamp: sourceStamp(PRINT, contexts.full, hashes),
    base_stamp: baseStamp(contexts.base, PRINT, hashes.content, mapped.ruleInputs),
    rule_inputs: mapped.ruleInputs,
    product_title: source.title,
    sku_codes: mapped.ruleInputs.map(([sku]) => sku),
    ...overrides,
  }
}

const before = context()
const markup = context({ priceRules: { ...before.priceRules, markup_percent: 10 } })
const buffer = context({ quantityRules: { buffer: 1, max_quantity: null } })

describe("repricing from a listing's rule inputs", () => {
  it("plans the same price update as mapping the product again, without the product", () => {
    const row = listedUnder(before)
    const repriced = repriceByBaseStamp(row, PRINT, contextsOf(markup), true, markup)
    const plan = planListing(row as ListingRow, { source, inventory: {} }, true, markup)
    expect(plan).toMatchObject({ action: "update", send_price: true, send_stock: false })
    expect(repriced?.candidate).toEqual(toUpdateCandidate(plan))
    expect(repriced?.source_stamp).toBe(sourceStamp(PRINT, contextsOf(markup).full, plan.hashes!))
  })

  it("plans a stock update when only the quantity rules changed", () => {
    const row = listedUnder(before)
    const repriced = repriceByBaseStamp(row, PRINT, contextsOf(buffer), true, buffer)
    expect(repriced?.candidate).toEqual(toUpdateCandidate(planListing(row as ListingRow, { source, inventory: {} }, true, buffer)))
    expect(repriced?.candidate).toMatchObject({ price_hash: null, stock_hash: expect.any(String) })
  })

  it("only stamps a listing the new rules leave as AliExpress has it", () => {
    // Sent under the markup by a price update: the prices are right, the stamp is still the old one.
    const sent = listedUnder(markup)
    const row = { ...listedUnder(before), price_hash: sent.price_hash }
    expect(repriceByBaseStamp(row, PRINT, contextsOf(markup), true, markup)).toEqual({
      listing_id: "aelst_1",
      source_stamp: sent.source_stamp,
      candidate: null,
    })
  })

  it("leaves to a full mapping a changed product, a changed template or stock location, missing inputs, a refused payload and a bad price", () => {
    const row = listedUnder(before)
    const reprice = (r: RepriceableRow, print = PRINT, contexts = contextsOf(markup), ctx: MappingContext = markup, inChannel = true) =>
      repriceByBaseStamp(r, print, contexts, inChannel, ctx)
    expect(reprice(row)).not.toBeNull()
    expect(reprice(row, "another-print")).toBeNull()
    const template = context({ priceRules: markup.priceRules })
    template.template.fields.subject = { source: "constant", value: "Another title" }
    expect(reprice(row, PRINT, contextsOf(template), template)).toBeNull()
    const parts = { setup: { template: markup.template, lookupLists: markup.lookupLists, priceRules: markup.priceRules, quantityRules: markup.quantityRules }, categories: [] }
    expect(reprice(row, PRINT, { full: contextPrint({ ...parts, locationIds: ["sloc_2"] }), base: baseContextPrint({ ...parts, locationIds: ["sloc_2"] }) })).toBeNull()
    const converted = context({ priceRules: { source: "convert", usd_rate: 1, store_currency: "usd", markup_percent: 0, rounding: "none" } })
    expect(reprice(row, PRINT, contextsOf(converted), converted)).toBeNull()
    expect(reprice({ ...row, rule_inputs: null })).toBeNull()
    expect(reprice({ ...row, base_stamp: null })).toBeNull()
    expect(reprice({ ...row, content_hash: "another-content" })).toBeNull()
    expect(reprice(row, PRINT, contextsOf(markup), markup, false)).toBeNull()
    expect(repriceByBaseStamp(row, undefined, contextsOf(markup), true, markup)).toBeNull()
    const refused = planListing(row as ListingRow, { source, inventory: {} }, true, markup)
    expect(reprice({ ...row, refused_hash: `${refused.hashes!.content}:${refused.hashes!.price}:${refused.hashes!.stock}` })).toBeNull()
    const free = context({ priceRules: { ...before.priceRules, markup_percent: -100 } })
    expect(reprice(row, PRINT, contextsOf(free), free)).toBeNull()
  })
})
