import { hashListing, mapProduct, type SourceProduct } from "../../../src/lib/mapping"
import { fullHash, planListing, type ListingRow } from "../../../src/lib/listings/plan"
import type { ListingProduct } from "../../../src/lib/listings/source-product"
import { context, product as sourceProduct, variant } from "../mapping/fixtures"
import { listedRow } from "./listed-row"

const ctx = context()

function listingProduct(overrides: Partial<SourceProduct> = {}): ListingProduct {
  return { source: sourceProduct(overrides), inventory: {} }
}

/** The hashes the sync stored after sending this product as it is now. */
function sentHashes(p: ListingProduct) {
  const mapped = mapProduct(p.source, ctx)
  if (!mapped.payload) throw new Error(`fixture is invalid: ${JSON.stringify(mapped.problems)}`)
  return hashListing(mapped.payload)
}

const base = listingProduct()
const sent = sentHashes(base)

function row(overrides: Partial<ListingRow> = {}): ListingRow {
  return { ...listedRow(sent), ...overrides }
}

const dearer = listingProduct({ variants: [variant({ size: "S", prices: [{ amount: 25, currency_code: "usd" }] }), variant({ size: "M" }), variant({ size: "L" })] })
const retitled = listingProduct({ title: "Classic Cotton Shirt, now in linen" })

type Case = {
  name: string
  row: ListingRow
  product: ListingProduct | undefined
  inChannel?: boolean
  stock?: Record<string, number>
  expect: Partial<{ action: string; online: boolean; send_price: boolean; send_stock: boolean; status: string; lookup_first: boolean }>
}

const cases: Case[] = [
  { name: "new: never sent", row: row({ ae_product_id: null, status: "pending", content_hash: null, price_hash: null, stock_hash: null }), product: base, expect: { action: "post", lookup_first: false } },
  {
    name: "new after an ambiguous post: looked up by SKU first",
    row: row({ ae_product_id: null, status: "error", content_hash: null, post_started_at: new Date() }),
    product: base,
    expect: { action: "post", lookup_first: true },
  },
  { name: "content changed", row: row(), product: retitled, expect: { action: "edit", online: false } },
  { name: "content changed while under review: price and stock wait too, nothing to send", row: row({ status: "auditing", ae_status: "auditing" }), product: retitled, expect: { action: "none" } },
  { name: "price only", row: row(), product: dearer, expect: { action: "update", send_price: true, send_stock: false } },
  { name: "stock only", row: row(), product: base, stock: { variant_S: 1, variant_M: 0, variant_L: 12 }, expect: { action: "update", send_price: false, send_stock: true } },
  { name: "price while under review goes now", row: row({ status: "auditing", ae_status: "auditing" }), product: dearer, expect: { action: "update", send_price: true } },
  { name: "unchanged", row: row(), product: base, expect: { action: "none", online: false, send_price: false, send_stock: false } },
  { name: "unchanged after an error: back to what AliExpress said", row: row({ status: "error" }), product: base, expect: { action: "none", status: "live" } },
  { name: "back in the channel while offline: set online", row: row({ status: "offline", ae_status: "offline" }), product: base, expect: { action: "update", online: true, send_price: false, send_stock: false } },
  { name: "left the channel: offline", row: row(), product: base, inChannel: false, expect: { action: "offline" } },
  { name: "deleted: offline", row: row(), product: undefined, inChannel: false, expect: { action: "offline" } },
  { name: "already offline and still out: nothing", row: row({ status: "offline" }), product: base, inChannel: false, expect: { action: "none" } },
  { name: "left the channel before it was listed: no call", row: row({ ae_product_id: null, status: "pending" }), product: base, inChannel: false, expect: { action: "none", status: "offline" } },
  { name: "deleted before it was listed: the row goes", row: row({ ae_product_id: null, status: "pending" }), product: undefined, inChannel: false, expect: { action: "remove" } },
  { name: "invalid: nothing is sent", row: row({ ae_product_id: null, status: "pending" }), product: listingProduct({ title: "" }), expect: { action: "invalid", status: "invalid" } },
  {
    name: "exactly what AliExpress refused: not sent again",
    row: row({ content_hash: "old", refused_hash: fullHash(sentHashes(retitled)), status: "invalid" }),
    product: retitled,
    expect: { action: "none" },
  },
]

describe("planListing", () => {
  it.each(cases)("$name", ({ row: r, product, inChannel, stock, expect: want }) => {
    const plan = planListing(r, product, inChannel ?? true, stock ? { ...ctx, stock } : ctx)
    expect(plan).toMatchObject(want)
    expect(plan.listing_id).toBe(r.id)
    // Whatever goes out carries the payload and the hashes to store afterwards.
    if (["post", "edit", "update"].includes(plan.action)) {
      expect(plan.payload).toBeTruthy()
      expect(plan.hashes).toBeTruthy()
    }
  })

  it("reports the problems of an invalid product with a hint each, and sends nothing", () => {
    const plan = planListing(row({ ae_product_id: null }), listingProduct({ title: "" }), true, ctx)
    expect(plan.payload).toBeNull()
    expect(plan.problems.length).toBeGreaterThan(0)
    for (const p of plan.problems) {
      expect(p.hint).toBeTruthy()
    }
  })

  it("keeps the SKU codes and title of the product for the listing row", () => {
    const plan = planListing(row(), base, true, ctx)
    expect(plan.title).toBe("Classic Cotton Shirt")
    expect(plan.sku_codes).toEqual(["SHIRT-S", "SHIRT-M", "SHIRT-L"])
  })
})
