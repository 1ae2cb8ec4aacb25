/** AliExpress order dates are wall-clock times in US Pacific time, with daylight saving. */
const PACIFIC_ZONE = "America/Los_Angeles"

const formatter = new Intl.DateTimeFormat("en-US", {
  timeZone: PACIFIC_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
})

function pacificParts(date: Date): Record<string, number> {
  const parts: Record<string, number> = {}
  for (const part of formatter.formatToParts(date)) {
    if (part.type !== "literal") {
      parts[part.type] = Number(part.value)
    }
  }
  return parts
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0")

/** `yyyy-MM-dd HH:mm:ss` in US Pacific time, as `order.get` expects its date filters. */
export function formatPacificTime(date: Date): string {
  const p = pacificParts(date)
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`
}

/** Pacific offset from UTC at `instant`, in ms (negative: -7 h or -8 h). */
function pacificOffsetMs(instant: number): number {
  const p = pacificParts(new Date(instant))
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return asUtc - Math.floor(instant / 1000) * 1000
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/

/**
 * Reads an AliExpress `yyyy-MM-dd HH:mm:ss` Pacific time. Strings with an explicit zone (ISO
 * `...Z` or `+08:00`) are read as such. In the repeated hour of the autumn change the earlier
 * (daylight) instant is returned; a time skipped in spring is read with the standard offset.
 */
export function parsePacificTime(value: string): Date {
  const match = WALL_CLOCK.exec(value.trim())
  if (!match) {
    const date = new Date(value)
    if (Number.isNaN(date.getTime())) {
      throw new RangeError(`Not a date: ${value}`)
    }
    return date
  }
  const [, year, month, day, hour, minute, second] = match.map(Number)
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second || 0)
  // Pacific time is UTC-7 (daylight) or UTC-8 (standard): keep the readings that map back.
  const readings = [7, 8]
    .map((hours) => wallClock + hours * 3600_000)
    .filter((instant) => instant + pacificOffsetMs(instant) === wallClock)
  return new Date(readings.length > 0 ? Math.min(...readings) : wallClock + 8 * 3600_000)
}
