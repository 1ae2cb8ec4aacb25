import {
  FEED_ITEMS_PER_JOB,
  feedPollDelayMs,
  matchFeedResults,
  UpdateGathering,
  type UpdateCandidate,
} from "../../../src/lib/listings/updates"

const candidate = (n: number, change: { price?: string; stock?: string }): UpdateCandidate => ({
  listing_id: `lst_${n}`,
  ae_product_id: `100${n}`,
  title: `Product ${n}`,
  sku_codes: [`SKU-${n}`],
  skus: [{ sku_code: `SKU-${n}`, price: "10.00", inventory: 5 }],
  price_hash: change.price ?? null,
  stock_hash: change.stock ?? null,
})

describe("UpdateGathering", () => {
  it("counts each product once per kind and keeps only its latest change", () => {
    const gathering = new UpdateGathering()
    gathering.add([candidate(1, { price: "p1" }), candidate(2, { price: "p2", stock: "s2" })])
    gathering.add([candidate(1, { price: "p1-later" })])
    expect(gathering.touched("price")).toBe(2)
    expect(gathering.touched("stock")).toBe(1)
    const prices = gathering.take("price")
    expect(prices.map((c) => c.price_hash)).toEqual(["p2", "p1-later"])
    // Taken for prices, a product carries its price only: its stock goes with the stock kind.
    expect(prices.every((c) => c.stock_hash === null)).toBe(true)
    expect(gathering.take("stock").map((c) => [c.listing_id, c.price_hash, c.stock_hash])).toEqual([["lst_2", null, "s2"]])
    expect(gathering.waitingCount("price")).toBe(0)
    // What was sent still counts towards the threshold.
    expect(gathering.touched("price")).toBe(2)
  })

  it("hands out at most the asked number, oldest first", () => {
    const gathering = new UpdateGathering()
    gathering.add(Array.from({ length: FEED_ITEMS_PER_JOB + 5 }, (_, i) => candidate(i, { stock: `s${i}` })))
    const job = gathering.take("stock", FEED_ITEMS_PER_JOB)
    expect(job).toHaveLength(FEED_ITEMS_PER_JOB)
    expect(job[0].listing_id).toBe("lst_0")
    expect(gathering.take("stock").map((c) => c.listing_id)).toEqual(["lst_300", "lst_301", "lst_302", "lst_303", "lst_304"])
  })
})

describe("feedPollDelayMs", () => {
  it("backs off from one second to thirty", () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(feedPollDelayMs)).toEqual([1000, 2000, 4000, 8000, 15000, 30000, 30000])
  })
})

describe("matchFeedResults", () => {
  const items = [
    { listing_id: "lst_1", ae_product_id: "1001", hash: "h1" },
    { listing_id: "lst_2", ae_product_id: "1002", hash: "h2" },
    { listing_id: "lst_3", ae_product_id: "1003", hash: "h3" },
  ]

  it("puts each result on its item by content id, and counts an item with no result as failed", () => {
    const outcome = matchFeedResults(items, [
      { contentId: "1002", success: false, errorCode: "13001024", errorMessage: "product not found", raw: "{}" },
      { contentId: "1001", success: true, productId: "1001", raw: "{}" },
    ])
    expect(outcome.succeeded.map((i) => i.listing_id)).toEqual(["lst_1"])
    expect(outcome.failed).toEqual([
      { item: items[1], code: "13001024", message: "product not found" },
      { item: items[2], message: "AliExpress gave no result for this product in the feed job" },
    ])
  })
})
