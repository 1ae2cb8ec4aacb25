/** A one-line progress bar on stderr for long runs. */
export class ProgressBar {
  private last = 0
  constructor(private readonly label: string, private readonly total: number) {}

  update(done: number): void {
    const now = Date.now()
    if (now - this.last < 200 && done < this.total) return
    this.last = now
    const width = 30
    const filled = Math.round((done / Math.max(this.total, 1)) * width)
    const bar = "#".repeat(filled) + "-".repeat(width - filled)
    process.stderr.write(`\r${this.label} [${bar}] ${done}/${this.total}`)
    if (done >= this.total) process.stderr.write("\n")
  }
}
