import { parseJsonLosslessly, stringifyJsonParam } from "../../../src/lib/aliexpress/json"

describe("lossless JSON", () => {
  it("keeps ids above 2^53 exact, as strings", () => {
    const parsed = parseJsonLosslessly('{"product_id": 23453463456346546, "job_id": 200000000060024475}') as Record<string, unknown>
    expect(parsed.product_id).toBe("23453463456346546")
    expect(parsed.job_id).toBe("200000000060024475")
  })

  it("turns every id into a string and leaves other numbers alone", () => {
    const parsed = parseJsonLosslessly(
      '{"id": 5, "shop_id": 1234321, "group_ids": {"number": [[1, 2]]}, "level": 2, "price": 10.5, "total": 99999999999999999999}'
    )
    expect(parsed).toEqual({
      id: "5",
      shop_id: "1234321",
      group_ids: { number: [["1", "2"]] },
      level: 2,
      price: 10.5,
      total: "99999999999999999999",
    })
  })

  it("writes digit-only id strings in request params as bare numbers without rounding", () => {
    const text = stringifyJsonParam({ product_id: "23453463456346546", sku_code: "007", list: [{ order_id: "1160045860056286" }] })
    expect(text).toBe('{"product_id":23453463456346546,"sku_code":"007","list":[{"order_id":1160045860056286}]}')
  })

  it("drops undefined fields from JSON params", () => {
    expect(stringifyJsonParam({ a: 1, b: undefined })).toBe('{"a":1}')
  })
})
