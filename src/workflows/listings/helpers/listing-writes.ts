import type AliExpressModuleService from "../../../modules/aliexpress/service"

type Row = { id: string } & Record<string, unknown>

/** Rows gathered before a write goes out on its own, and how long a row may wait for others. */
const FLUSH_ROWS = 50
const FLUSH_AFTER_MS = 250

/**
 * Outcomes of a sync page written in bulk: rows are gathered and written together a moment
 * later (or once enough are waiting), one write at a time, instead of one round trip per
 * product. A product AliExpress created is still stored within a quarter of a second, and a
 * post whose row was not written yet keeps its `post_started_at` mark, so it is looked up by
 * SKU rather than posted twice. `flush()` writes what is left and throws a write that failed.
 */
export class ListingWrites {
  private rows: Row[] = []
  private timer: NodeJS.Timeout | null = null
  private chain: Promise<void> = Promise.resolve()
  private failure: unknown = null

  constructor(private readonly service: AliExpressModuleService) {}

  add(row: Row): void {
    this.rows.push(row)
    if (this.rows.length >= FLUSH_ROWS) {
      this.writeNow()
    } else if (!this.timer) {
      this.timer = setTimeout(() => this.writeNow(), FLUSH_AFTER_MS)
    }
  }

  async flush(): Promise<void> {
    this.writeNow()
    await this.chain
    if (this.failure) {
      throw this.failure
    }
  }

  private writeNow(): void {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    if (!this.rows.length) {
      return
    }
    const rows = this.rows
    this.rows = []
    this.chain = this.chain.then(() =>
      this.service.saveListings(rows).catch((error) => {
        this.failure ??= error
      })
    )
  }
}
