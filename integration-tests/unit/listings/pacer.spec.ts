import { CallPacer } from "../../../src/lib/listings/pacer"

const busy = (ms: number) => {
  const end = Date.now() + ms
  while (Date.now() < end) {
    // a stalled event loop: every timer due meanwhile fires late, all at once
  }
}

describe("CallPacer", () => {
  it("never lets two calls of one method leave closer than the spacing, even after the event loop stalls", async () => {
    const pacer = new CallPacer(20)
    const left: number[] = []
    const calls = Array.from({ length: 12 }, () => pacer.slot("post").then(() => left.push(Date.now())))
    setTimeout(() => busy(150), 5)
    await Promise.all(calls)
    const gaps = left.slice(1).map((t, i) => t - left[i])
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(20)
  })

  it("paces each method on its own, so uploads and posts overlap", async () => {
    const pacer = new CallPacer(50)
    const t0 = Date.now()
    await Promise.all([pacer.slot("post"), pacer.slot("upload"), pacer.slot("post"), pacer.slot("upload")])
    const elapsed = Date.now() - t0
    expect(elapsed).toBeGreaterThanOrEqual(45)
    expect(elapsed).toBeLessThan(95)
  })
})
