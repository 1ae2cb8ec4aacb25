const DAY = 24 * 60 * 60 * 1000
const HOUR = 60 * 60 * 1000
const MINUTE = 60 * 1000

export const formatDateTime = (value?: string | Date | null): string => {
  if (!value) {
    return "—"
  }
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? "—" : d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })
}

/** "in 3 days", "2 hours ago": merchants read deadlines, not timestamps. */
export const formatRelative = (value?: string | Date | null, now = Date.now()): string => {
  if (!value) {
    return "—"
  }
  const diff = new Date(value).getTime() - now
  if (Number.isNaN(diff)) {
    return "—"
  }
  const abs = Math.abs(diff)
  const [n, unit] =
    abs >= DAY ? [Math.round(abs / DAY), "day"] : abs >= HOUR ? [Math.round(abs / HOUR), "hour"] : [Math.max(1, Math.round(abs / MINUTE)), "minute"]
  const text = `${n} ${unit}${n === 1 ? "" : "s"}`
  return diff >= 0 ? `in ${text}` : `${text} ago`
}

/** Time left before a deadline, or "overdue". */
export const formatTimeLeft = (deadline?: string | Date | null, now = Date.now()): string => {
  if (!deadline) {
    return "—"
  }
  const diff = new Date(deadline).getTime() - now
  if (Number.isNaN(diff)) {
    return "—"
  }
  if (diff <= 0) {
    return "Overdue"
  }
  const days = Math.floor(diff / DAY)
  const hours = Math.floor((diff % DAY) / HOUR)
  return days > 0 ? `${days}d ${hours}h` : `${hours}h ${Math.floor((diff % HOUR) / MINUTE)}m`
}

export const daysUntil = (value?: string | Date | null, now = Date.now()): number | null => {
  if (!value) {
    return null
  }
  const t = new Date(value).getTime()
  return Number.isNaN(t) ? null : Math.floor((t - now) / DAY)
}
