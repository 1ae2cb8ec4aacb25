import { EventBuffer, flushDelay } from "../../../src/runners/listing-sync/event-buffer"

describe("flushDelay", () => {
  const debounce = 2000
  const gap = 5000

  it("lets a lone change wait only the debounce", () => {
    const now = 1_000_000
    expect(flushDelay(now, now - 60_000, debounce, gap)).toBe(debounce)
    expect(flushDelay(now, 0, debounce, gap)).toBe(debounce)
  })

  it("keeps flushes under a steady stream of events the minimum gap apart", () => {
    const lastFlushAt = 1_000_000
    // An order placed 1 s after the last flush began waits until 5 s after it.
    expect(flushDelay(lastFlushAt + 1000, lastFlushAt, debounce, gap)).toBe(4000)
    // Past the gap, the debounce alone counts again.
    expect(flushDelay(lastFlushAt + 4000, lastFlushAt, debounce, gap)).toBe(debounce)
  })

  it("with no gap configured, is the debounce", () => {
    expect(flushDelay(1000, 999, debounce, 0)).toBe(debounce)
  })
})

describe("EventBuffer", () => {
  it("coalesces repeated ids per kind and starts empty after a take", () => {
    const listingEventBuffer = new EventBuffer()
    listingEventBuffer.add("product", ["prod_1", "prod_2"])
    listingEventBuffer.add("product", ["prod_1"])
    listingEventBuffer.add("variant", ["variant_1"])
    expect(listingEventBuffer.size).toBe(3)
    const taken = listingEventBuffer.take()
    expect(taken.product.sort()).toEqual(["prod_1", "prod_2"])
    expect(taken.variant).toEqual(["variant_1"])
    expect(taken.inventory_level).toEqual([])
    expect(listingEventBuffer.size).toBe(0)
  })
})
