import { formatPacificTime, parsePacificTime } from "../../../src/lib/aliexpress"

describe("US Pacific time", () => {
  it("formats with daylight saving (UTC-7) in summer", () => {
    expect(formatPacificTime(new Date("2024-07-01T12:00:00Z"))).toBe("2024-07-01 05:00:00")
  })

  it("formats with standard time (UTC-8) in winter", () => {
    expect(formatPacificTime(new Date("2024-01-15T00:30:05Z"))).toBe("2024-01-14 16:30:05")
  })

  it("parses back what it formats, across both offsets", () => {
    for (const iso of ["2024-07-01T12:00:00Z", "2024-01-15T00:30:05Z", "2024-11-03T08:30:00Z", "2024-03-10T10:59:59Z"]) {
      const date = new Date(iso)
      expect(parsePacificTime(formatPacificTime(date)).toISOString()).toBe(date.toISOString())
    }
  })

  it("reads the repeated autumn hour as the earlier (daylight) instant", () => {
    expect(parsePacificTime("2024-11-03 01:30:00").toISOString()).toBe("2024-11-03T08:30:00.000Z")
  })

  it("reads strings with an explicit zone as such", () => {
    expect(parsePacificTime("2024-07-01T12:00:00Z").toISOString()).toBe("2024-07-01T12:00:00.000Z")
  })

  it("rejects garbage", () => {
    expect(() => parsePacificTime("yesterday")).toThrow(RangeError)
  })
})
