const formatter = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/Los_Angeles",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
})

function wallClock(ms: number): number[] {
  const parts: Record<string, string> = {}
  for (const part of formatter.formatToParts(new Date(ms))) {
    parts[part.type] = part.value
  }
  return [+parts.year, +parts.month, +parts.day, +parts.hour, +parts.minute, +parts.second]
}

const pad = (n: number): string => String(n).padStart(2, "0")

/** Formats an epoch as US Pacific wall time `yyyy-MM-dd HH:mm:ss` (DST aware). */
export function formatPacific(ms: number): string {
  const [y, mo, d, h, mi, s] = wallClock(ms)
  return `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}`
}

function offsetAt(ms: number): number {
  const [y, mo, d, h, mi, s] = wallClock(ms)
  return Date.UTC(y, mo - 1, d, h, mi, s) - Math.floor(ms / 1000) * 1000
}

/** Parses US Pacific wall time `yyyy-MM-dd HH:mm:ss`; undefined when malformed. */
export function parsePacific(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text.trim())
  if (!m) {
    return undefined
  }
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number)
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) {
    return undefined
  }
  const wall = Date.UTC(y, mo - 1, d, h, mi, s)
  let guess = wall - offsetAt(wall)
  guess = wall - offsetAt(guess)
  return guess
}
