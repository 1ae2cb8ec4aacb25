/**
 * A bounded memo of a pure function's results, oldest first out. Safe to share
 * between callers: the same input always gives the same output, so nothing here is state a
 * caller could observe, only time saved (templates, paths and descriptions repeat across a
 * catalogue).
 */
export class Memo<K, V> {
  private readonly entries = new Map<K, V>()

  constructor(private readonly capacity: number) {}

  get(key: K, compute: (key: K) => V): V {
    const hit = this.entries.get(key)
    if (hit !== undefined || this.entries.has(key)) {
      return hit as V
    }
    const value = compute(key)
    if (this.entries.size >= this.capacity) {
      this.entries.delete(this.entries.keys().next().value as K)
    }
    this.entries.set(key, value)
    return value
  }
}
