import { Memo } from "../../../src/lib/mapping/memo"

describe("Memo", () => {
  it("computes a key once, remembers null results, and drops the oldest past its capacity", () => {
    const calls: string[] = []
    const memo = new Memo<string, string | null>(2)
    const compute = (key: string) => {
      calls.push(key)
      return key === "none" ? null : key.toUpperCase()
    }
    expect(memo.get("a", compute)).toBe("A")
    expect(memo.get("a", compute)).toBe("A")
    expect(memo.get("none", compute)).toBeNull()
    expect(memo.get("none", compute)).toBeNull()
    expect(calls).toEqual(["a", "none"])
    memo.get("b", compute)
    memo.get("a", compute)
    expect(calls).toEqual(["a", "none", "b", "a"])
  })
})
