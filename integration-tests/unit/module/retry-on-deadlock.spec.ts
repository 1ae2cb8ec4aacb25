import { retryOnDeadlock } from "../../../src/modules/aliexpress/lib/bulk-update"

const deadlock = () => Object.assign(new Error("deadlock detected"), { code: "40P01" })

describe("retryOnDeadlock", () => {
  it("runs a statement again when PostgreSQL chose it as a deadlock's victim", async () => {
    let calls = 0
    const result = await retryOnDeadlock(async () => {
      calls++
      if (calls === 1) throw deadlock()
      return "written"
    })
    expect({ result, calls }).toEqual({ result: "written", calls: 2 })
  })

  it("gives up after three deadlocks in a row, with the database's error", async () => {
    let calls = 0
    await expect(
      retryOnDeadlock(async () => {
        calls++
        throw deadlock()
      })
    ).rejects.toThrow("deadlock detected")
    expect(calls).toBe(3)
  })

  it("does not run again any other failure", async () => {
    let calls = 0
    await expect(
      retryOnDeadlock(async () => {
        calls++
        throw Object.assign(new Error("duplicate key"), { code: "23505" })
      })
    ).rejects.toThrow("duplicate key")
    expect(calls).toBe(1)
  })
})
