import { MAX_TRACKING_ROWS, parseTrackingCsv, type TrackingRow, type TrackingRowError } from "../../../src/lib/orders/tracking-csv"

const row = (line: number, ae_order_id: string, carrier: string, tracking_number: string): TrackingRow => ({
  line,
  ae_order_id,
  carrier,
  tracking_number,
})

type Case = { name: string; csv: string; rows: TrackingRow[]; errors: TrackingRowError[] }

const ok = "8180000000000001,CAINIAO_STANDARD,LX123456789CN"

const cases: Case[] = [
  { name: "one plain line", csv: ok, rows: [row(1, "8180000000000001", "CAINIAO_STANDARD", "LX123456789CN")], errors: [] },
  { name: "an empty upload", csv: "", rows: [], errors: [] },
  { name: "only a header", csv: "order_id,carrier,tracking_number", rows: [], errors: [] },
  {
    name: "header order_id,carrier,tracking_number is skipped",
    csv: `order_id,carrier,tracking_number\n${ok}`,
    rows: [row(2, "8180000000000001", "CAINIAO_STANDARD", "LX123456789CN")],
    errors: [],
  },
  {
    name: "header 'AliExpress Order ID' in any case is skipped",
    csv: `AliExpress Order ID,Carrier,Tracking\n${ok}`,
    rows: [row(2, "8180000000000001", "CAINIAO_STANDARD", "LX123456789CN")],
    errors: [],
  },
  {
    name: "a quoted header after a byte order mark is skipped",
    csv: `\uFEFF"ORDER","carrier","tracking"\n${ok}`,
    rows: [row(2, "8180000000000001", "CAINIAO_STANDARD", "LX123456789CN")],
    errors: [],
  },
  {
    name: "a header without 'order' is reported as a bad order id",
    csv: `id,carrier,tracking\n${ok}`,
    rows: [row(2, "8180000000000001", "CAINIAO_STANDARD", "LX123456789CN")],
    errors: [{ line: 1, error: '"id" is not an AliExpress order id' }],
  },
  {
    name: "a header below the first line is a bad line",
    csv: `${ok}\norder_id,carrier,tracking_number`,
    rows: [row(1, "8180000000000001", "CAINIAO_STANDARD", "LX123456789CN")],
    errors: [{ line: 2, error: '"order_id" is not an AliExpress order id' }],
  },
  {
    name: "quoted fields and spaces around them are unwrapped",
    csv: ' "8180000000000002" , "DHL" ,  " 1Z999AA10123456784 " ',
    rows: [row(1, "8180000000000002", "DHL", "1Z999AA10123456784")],
    errors: [],
  },
  {
    name: "semicolons and tabs separate as commas do",
    csv: "8180000000000003;UPS;1Z999AA1\n8180000000000004\tFEDEX_IE\t7489-2201-1",
    rows: [row(1, "8180000000000003", "UPS", "1Z999AA1"), row(2, "8180000000000004", "FEDEX_IE", "7489-2201-1")],
    errors: [],
  },
  {
    name: "Windows line ends and blank lines keep the file's line numbers",
    csv: `order_id,carrier,tracking_number\r\n\r\n${ok}\r\n   \r\n8180000000000005,DHL,JD0146000\r\n`,
    rows: [row(3, "8180000000000001", "CAINIAO_STANDARD", "LX123456789CN"), row(5, "8180000000000005", "DHL", "JD0146000")],
    errors: [],
  },
  {
    name: "extra columns are ignored",
    csv: `${ok},shipped today,extra`,
    rows: [row(1, "8180000000000001", "CAINIAO_STANDARD", "LX123456789CN")],
    errors: [],
  },
  { name: "a missing tracking column", csv: "8180000000000001,DHL", rows: [], errors: [{ line: 1, error: "expected order_id,carrier,tracking_number" }] },
  { name: "one column only", csv: "8180000000000001", rows: [], errors: [{ line: 1, error: "expected order_id,carrier,tracking_number" }] },
  { name: "an empty carrier", csv: "8180000000000001,,LX123456789CN", rows: [], errors: [{ line: 1, error: "expected order_id,carrier,tracking_number" }] },
  { name: "an empty order id", csv: '"",DHL,LX123456789CN', rows: [], errors: [{ line: 1, error: "expected order_id,carrier,tracking_number" }] },
  { name: "separators only", csv: ",,", rows: [], errors: [{ line: 1, error: "expected order_id,carrier,tracking_number" }] },
  {
    name: "an order id that is not digits",
    csv: "81800000000A,DHL,LX123456789CN",
    rows: [],
    errors: [{ line: 1, error: '"81800000000A" is not an AliExpress order id' }],
  },
  {
    name: "an order id longer than 30 digits",
    csv: `${"1".repeat(31)},DHL,LX123456789CN`,
    rows: [],
    errors: [{ line: 1, error: `"${"1".repeat(31)}" is not an AliExpress order id` }],
  },
  { name: "an order id of exactly 30 digits", csv: `${"1".repeat(30)},DHL,LX12`, rows: [row(1, "1".repeat(30), "DHL", "LX12")], errors: [] },
  {
    name: "a carrier with spaces (a display name, not a service name)",
    csv: "8180000000000001,China Post,LX123456789CN",
    rows: [],
    errors: [{ line: 1, error: '"China Post" is not an AliExpress carrier (service name)' }],
  },
  {
    name: "a carrier longer than 100 characters",
    csv: `8180000000000001,${"C".repeat(101)},LX123456789CN`,
    rows: [],
    errors: [{ line: 1, error: `"${"C".repeat(101)}" is not an AliExpress carrier (service name)` }],
  },
  { name: "a tracking number under 4 characters", csv: "8180000000000001,DHL,LX1", rows: [], errors: [{ line: 1, error: '"LX1" is not a tracking number' }] },
  {
    name: "a tracking number over 60 characters",
    csv: `8180000000000001,DHL,${"9".repeat(61)}`,
    rows: [],
    errors: [{ line: 1, error: `"${"9".repeat(61)}" is not a tracking number` }],
  },
  {
    name: "a tracking number with a space",
    csv: "8180000000000001,DHL,LX 123456",
    rows: [],
    errors: [{ line: 1, error: '"LX 123456" is not a tracking number' }],
  },
  {
    name: "an unterminated quote leaves the quote in the value",
    csv: '"8180000000000001,DHL,LX123456789CN',
    rows: [],
    errors: [{ line: 1, error: '""8180000000000001" is not an AliExpress order id' }],
  },
  {
    name: "good and bad lines: each bad line named by its own line, the good ones kept",
    csv: ["order_id,carrier,tracking_number", ok, "x,DHL,LX123456789CN", "", "8180000000000006,DHL,LX9", "8180000000000007,UPS,1Z0000001"].join("\n"),
    rows: [row(2, "8180000000000001", "CAINIAO_STANDARD", "LX123456789CN"), row(6, "8180000000000007", "UPS", "1Z0000001")],
    errors: [
      { line: 3, error: '"x" is not an AliExpress order id' },
      { line: 5, error: '"LX9" is not a tracking number' },
    ],
  },
]

describe("parseTrackingCsv", () => {
  it.each(cases)("$name", ({ csv, rows, errors }) => {
    expect(parseTrackingCsv(csv)).toEqual({ rows, errors })
  })
})

describe("parseTrackingCsv: the row limit", () => {
  const line = (i: number) => `${8180000000000000 + i},DHL,LX${String(i).padStart(6, "0")}`
  const lines = (n: number, from = 1) => Array.from({ length: n }, (_, i) => line(from + i))

  type LimitCase = { name: string; csv: string; rows: number; errors: TrackingRowError[] }
  const limitCases: LimitCase[] = [
    { name: `exactly ${MAX_TRACKING_ROWS} rows are all accepted`, csv: lines(MAX_TRACKING_ROWS).join("\n"), rows: MAX_TRACKING_ROWS, errors: [] },
    {
      name: "the rows past the limit are refused, each on its own line",
      csv: lines(MAX_TRACKING_ROWS + 2).join("\n"),
      rows: MAX_TRACKING_ROWS,
      errors: [
        { line: MAX_TRACKING_ROWS + 1, error: `at most ${MAX_TRACKING_ROWS} rows per upload` },
        { line: MAX_TRACKING_ROWS + 2, error: `at most ${MAX_TRACKING_ROWS} rows per upload` },
      ],
    },
    {
      name: "the header and blank lines do not count toward the limit",
      csv: ["order_id,carrier,tracking_number", "", ...lines(MAX_TRACKING_ROWS), ""].join("\n"),
      rows: MAX_TRACKING_ROWS,
      errors: [],
    },
    {
      name: "bad lines count toward the limit",
      csv: ["bad,DHL,LX000001", ...lines(MAX_TRACKING_ROWS)].join("\n"),
      rows: MAX_TRACKING_ROWS - 1,
      errors: [
        { line: 1, error: '"bad" is not an AliExpress order id' },
        { line: MAX_TRACKING_ROWS + 1, error: `at most ${MAX_TRACKING_ROWS} rows per upload` },
      ],
    },
    {
      name: "a bad line past the limit reports what is wrong with it",
      csv: [...lines(MAX_TRACKING_ROWS), "8180000000000999,DHL,LX9"].join("\n"),
      rows: MAX_TRACKING_ROWS,
      errors: [{ line: MAX_TRACKING_ROWS + 1, error: '"LX9" is not a tracking number' }],
    },
  ]

  it.each(limitCases)("$name", ({ csv, rows, errors }) => {
    const result = parseTrackingCsv(csv)
    expect(result.rows).toHaveLength(rows)
    expect(result.errors).toEqual(errors)
    const lineNumbers = result.rows.map((r) => r.line)
    expect(new Set(lineNumbers).size).toBe(lineNumbers.length)
  })
})

describe("parseTrackingCsv: header after blank lines", () => {
  // A spreadsheet's empty first row above the header must not turn the header into a bad line.
  it("a header below leading blank lines is still a header", () => {
    expect(parseTrackingCsv(`\norder_id,carrier,tracking_number\n${ok}`)).toEqual({
      rows: [row(3, "8180000000000001", "CAINIAO_STANDARD", "LX123456789CN")],
      errors: [],
    })
  })
})
