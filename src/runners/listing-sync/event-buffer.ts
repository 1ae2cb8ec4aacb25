/** What an event names: products directly, or records that lead to products. */
export type BufferedKind = "product" | "variant" | "inventory_level" | "reservation" | "order"

export type BufferedIds = Record<BufferedKind, string[]>

const KINDS: BufferedKind[] = ["product", "variant", "inventory_level", "reservation", "order"]

/**
 * The ids the listing subscribers saw since the last flush, in this process only. It is a
 * coalescer, not a queue: the queue is the listing table and the lock serialises runs, so
 * several workers each flushing their own buffer stay correct. A crash loses at most the ids
 * buffered here; the reconcile job queues every product of the channel and catches them.
 */
export class EventBuffer {
  private ids = Object.fromEntries(KINDS.map((k) => [k, new Set<string>()])) as Record<BufferedKind, Set<string>>

  add(kind: BufferedKind, ids: string[]): void {
    ids.forEach((id) => this.ids[kind].add(id))
  }

  get size(): number {
    return KINDS.reduce((n, k) => n + this.ids[k].size, 0)
  }

  /** Everything buffered so far; the buffer starts empty again. */
  take(): BufferedIds {
    const out = Object.fromEntries(KINDS.map((k) => [k, [...this.ids[k]]])) as BufferedIds
    KINDS.forEach((k) => this.ids[k].clear())
    return out
  }
}

/**
 * How long buffered events wait: the debounce, stretched so a flush starts no sooner than
 * `minGapMs` after the previous one began.
 */
export function flushDelay(now: number, lastFlushAt: number, debounceMs: number, minGapMs: number): number {
  return Math.max(debounceMs, lastFlushAt + minGapMs - now)
}

/** Event payloads carry `{ id }` (one event per record); some emitters send a list. */
export function idsOf(data: unknown): string[] {
  const raw = (data as { id?: unknown } | undefined)?.id
  const list = Array.isArray(raw) ? raw : [raw]
  return list.filter((v): v is string => typeof v === "string" && v.length > 0)
}
