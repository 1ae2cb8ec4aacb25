export type TrackingRow = { line: number; ae_order_id: string; carrier: string; tracking_number: string }
export type TrackingRowError = { line: number; error: string }

export const MAX_TRACKING_ROWS = 500

const unquote = (value: string) => value.trim().replace(/^"(.*)"$/, "$1").trim()

/**
 * `order_id,carrier,tracking_number` per line (order_id = the AliExpress order
 * id); a header line and blank lines are skipped. Bad lines come back as
 * errors with their line number instead of failing the whole upload.
 */
export function parseTrackingCsv(csv: string): { rows: TrackingRow[]; errors: TrackingRowError[] } {
  const rows: TrackingRow[] = []
  const errors: TrackingRowError[] = []
  const lines = csv.replace(/^\uFEFF/, "").split(/\r?\n/)
  // The header is the first line with content: spreadsheet exports often start with an empty row.
  const headerIndex = lines.findIndex((l) => l.trim())
  lines.forEach((raw, index) => {
    const line = index + 1
    if (!raw.trim()) {
      return
    }
    const cells = raw.split(/[,;\t]/).map(unquote)
    if (index === headerIndex && /order/i.test(cells[0] ?? "") && !/^\d+$/.test(cells[0])) {
      return
    }
    const [aeOrderId, carrier, tracking] = cells
    if (cells.length < 3 || !aeOrderId || !carrier || !tracking) {
      errors.push({ line, error: "expected order_id,carrier,tracking_number" })
    } else if (!/^\d{1,30}$/.test(aeOrderId)) {
      errors.push({ line, error: `"${aeOrderId}" is not an AliExpress order id` })
    } else if (!/^[A-Za-z0-9_-]{1,100}$/.test(carrier)) {
      errors.push({ line, error: `"${carrier}" is not an AliExpress carrier (service name)` })
    } else if (!/^[A-Za-z0-9-]{4,60}$/.test(tracking)) {
      errors.push({ line, error: `"${tracking}" is not a tracking number` })
    } else if (rows.length + errors.length >= MAX_TRACKING_ROWS) {
      errors.push({ line, error: `at most ${MAX_TRACKING_ROWS} rows per upload` })
    } else {
      rows.push({ line, ae_order_id: aeOrderId, carrier, tracking_number: tracking })
    }
  })
  return { rows, errors }
}
