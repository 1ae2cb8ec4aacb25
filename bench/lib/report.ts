export type BenchResult = {
  name: string
  figure: number
  unit: string
  /** the bound the figure is held to, e.g. ">= 10000" */
  bound?: { op: ">=" | "<=" | "=="; value: number }
  /** figure / bound, or bound / figure, whichever is "<= 1 is good" */
  ratio?: number
  pass?: boolean
  note?: string
}

export function judge(name: string, figure: number, unit: string, op?: ">=" | "<=" | "==", value?: number, note?: string): BenchResult {
  if (op === undefined || value === undefined) {
    return { name, figure, unit, note }
  }
  const pass = op === ">=" ? figure >= value : op === "<=" ? figure <= value : figure === value
  const ratio = value === 0 ? (figure === 0 ? 0 : Infinity) : figure / value
  return { name, figure, unit, bound: { op, value }, ratio: Number(ratio.toFixed(3)), pass, note }
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n >= 100 ? n.toFixed(0) : n.toFixed(2))

export function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => [
    r.name,
    `${fmt(r.figure)} ${r.unit}`,
    r.bound ? `${r.bound.op} ${fmt(r.bound.value)}` : "-",
    r.ratio === undefined ? "-" : String(r.ratio),
    r.pass === undefined ? "" : r.pass ? "ok" : "MISS",
  ])
  const head = ["benchmark", "figure", "bound", "ratio", ""]
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ")
  console.log("\n" + line(head))
  console.log(widths.map((w) => "-".repeat(w)).join("  "))
  rows.forEach((r) => console.log(line(r)))
}
