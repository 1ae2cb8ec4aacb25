import { hashListing, mapProduct, type SourceProduct } from "../../../src/lib/mapping"
import { planListing, unchangedPlan, type ListingRow } from "../../../src/lib/listings/plan"
import { contextPrint, planStamp, sourceStamp, stampableNow, unchangedByStamp, type StampedRow } from "../../../src/lib/listings/source-stamp"
import { LISTING_STATUSES } from "../../../src/modules/aliexpress/models/listing"
import type { ListingProduct } from "../../../src/lib/listings/source-product"
import { context, product as sourceProduct } from "../mapping/fixtures"
import { listedRow } from "./listed-row"

const ctx = context()
const base: ListingProduct = { source: sourceProduct({}), inventory: {} }
const mapped = mapProduct(base.source, ctx)
if (!mapped.payload) throw new Error(`fixture is invalid: ${JSON.stringify(mapped.problems)}`)
const sent = hashListing(mapped.payload)

const PRINT = "product-rows-print"
const CONTEXT = contextPrint({ setup: { template: ctx.template, lookupLists: ctx.lookupLists }, locationIds: ["sloc_1"], categories: [] })

function row(overrides: Partial<StampedRow> = {}): StampedRow {
  return { ...listedRow(sent), source_stamp: sourceStamp(PRINT, CONTEXT, sent), ...overrides }
}

describe("source stamps", () => {
  it("recognise a listing whose product, context and hashes are those of its stamp", () => {
    expect(unchangedByStamp(row(), PRINT, CONTEXT, true)).toBe(true)
  })

  it("map again when the product's rows, the context or a stored hash changed, or nothing is known", () => {
    expect(unchangedByStamp(row(), "another-print", CONTEXT, true)).toBe(false)
    expect(unchangedByStamp(row(), PRINT, contextPrint({ setup: { template: ctx.template }, locationIds: ["sloc_2"], categories: [] }), true)).toBe(false)
    expect(unchangedByStamp(row({ stock_hash: null }), PRINT, CONTEXT, true)).toBe(false)
    expect(unchangedByStamp(row({ price_hash: "other" }), PRINT, CONTEXT, true)).toBe(false)
    expect(unchangedByStamp(row({ source_stamp: null }), PRINT, CONTEXT, true)).toBe(false)
    expect(unchangedByStamp(row(), undefined, CONTEXT, true)).toBe(false)
    expect(unchangedByStamp(row(), PRINT, null, true)).toBe(false)
  })

  it("map again a listing out of the channel, never listed, or in a state an unchanged product still changes", () => {
    expect(unchangedByStamp(row(), PRINT, CONTEXT, false)).toBe(false)
    expect(unchangedByStamp(row({ ae_product_id: null }), PRINT, CONTEXT, true)).toBe(false)
    for (const status of ["offline", "invalid", "error", "pending", "draft"]) {
      expect(unchangedByStamp(row({ status }), PRINT, CONTEXT, true)).toBe(false)
    }
  })

  it("skip exactly where mapping the product in full would plan nothing and store nothing", () => {
    const skippable: string[] = []
    for (const status of LISTING_STATUSES) {
      const r = row({ status })
      if (!unchangedByStamp(r, PRINT, CONTEXT, true)) continue
      skippable.push(status)
      const full = planListing(r as ListingRow, base, true, ctx)
      const skipped = unchangedPlan(r)
      expect({ status, action: full.action, state: full.status, online: full.online }).toEqual({ status, action: "none", state: undefined, online: false })
      expect(skipped.action).toBe("none")
      expect(skipped.status).toBeUndefined()
      expect(skipped.hashes).toEqual(full.hashes)
    }
    expect(skippable.sort()).toEqual(["auditing", "live", "rejected", "unknown"])
  })

  it("are stored after a full plan only when nothing is sent and the listing has these hashes", () => {
    const fresh = row({ source_stamp: null })
    const plan = planListing(fresh, base, true, ctx)
    expect(stampableNow(fresh, plan)).toBe(true)
    expect(planStamp(plan, PRINT, CONTEXT)).toBe(row().source_stamp)
    // Sent before: the edit stores the stamp with its hashes once AliExpress took it.
    const edit = planListing(row({ content_hash: "old" }), base, true, ctx)
    expect(edit.action).toBe("edit")
    expect(stampableNow(row({ content_hash: "old" }), edit)).toBe(false)
    expect(planStamp(edit, PRINT, CONTEXT)).toBe(row().source_stamp)
    // Back from an error: the status is stored first, the stamp with a later plan.
    const recovered = planListing(row({ status: "error" }), base, true, ctx)
    expect(stampableNow(row({ status: "error" }), recovered)).toBe(false)
    // A refused payload planned as nothing does not have these hashes on AliExpress.
    expect(planStamp({ hashes: null }, PRINT, CONTEXT)).toBeNull()
    expect(planStamp(plan, undefined, CONTEXT)).toBeNull()
  })

  it("change with every part of the context", () => {
    const parts = { setup: { template: ctx.template, lookupLists: ctx.lookupLists, priceRules: { markup_percent: 10 } }, locationIds: ["sloc_1"], categories: [["aecat_1", "200000346", "2026-01-01T00:00:00.000Z"]] }
    const print = contextPrint(parts)
    expect(contextPrint({ ...parts, setup: { ...parts.setup, priceRules: { markup_percent: 11 } } })).not.toBe(print)
    expect(contextPrint({ ...parts, locationIds: ["sloc_1", "sloc_2"] })).not.toBe(print)
    expect(contextPrint({ ...parts, categories: [["aecat_1", "200000346", "2026-01-02T00:00:00.000Z"]] })).not.toBe(print)
    expect(contextPrint(JSON.parse(JSON.stringify(parts)))).toBe(print)
  })
})
