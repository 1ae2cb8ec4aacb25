import { useRef, useState } from "react"
import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useUploadTracking } from "../../hooks/orders"
import { downloadText } from "../../lib/csv"
import { toastError } from "../../lib/errors"

const SAMPLE = "order_id,carrier,tracking_number\n8200000000000000001,CAINIAO_STANDARD,LP123456789CN\n"

/** Bulk tracking numbers for orders shipped outside Medusa: one CSV row per AliExpress order. */
export const TrackingUpload = () => {
  const file = useRef<HTMLInputElement>(null)
  const upload = useUploadTracking()
  const [result, setResult] = useState<any>(null)

  const onFile = async (f: File | undefined) => {
    if (!f) return
    try {
      const res = await upload.mutateAsync(await f.text())
      setResult(res)
      toast.success("Tracking file processed")
    } catch (e) {
      toastError(e, "The tracking file was not accepted")
    }
  }

  const rows: any[] = Array.isArray(result?.results) ? result.results : Array.isArray(result?.rows) ? result.rows : []

  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4">
      <div className="flex items-start justify-between gap-x-4">
        <div>
          <Heading level="h2">Upload tracking numbers</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            A CSV with the columns order_id (the AliExpress order id), carrier (an AliExpress logistics service such as UPS) and
            tracking_number.
          </Text>
        </div>
        <div className="flex gap-x-2">
          <Button size="small" variant="transparent" onClick={() => downloadText("tracking-sample.csv", SAMPLE)}>
            Sample file
          </Button>
          <input ref={file} type="file" accept=".csv,text/csv" className="hidden" onChange={(e) => onFile(e.target.files?.[0]).finally(() => (e.target.value = ""))} data-testid="tracking-csv" />
          <Button size="small" variant="secondary" onClick={() => file.current?.click()} isLoading={upload.isPending}>
            Upload CSV
          </Button>
        </div>
      </div>
      {result && (
        <div className="flex flex-col gap-y-1" data-testid="tracking-result">
          {rows.length ? (
            rows.map((r, i) => (
              <Text key={i} size="small" className={r.ok === false ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
                {r.line ? `Line ${r.line}: ` : ""}
                {r.ae_order_id ? `order ${r.ae_order_id} ` : ""}
                {r.ok === false ? `not shipped: ${r.error ?? "unknown error"}` : "shipped"}
              </Text>
            ))
          ) : (
            <Text size="small" className="text-ui-fg-subtle">
              {Object.entries(result)
                .filter(([, v]) => typeof v === "number")
                .map(([k, v]) => `${v} ${k.replace(/_/g, " ")}`)
                .join(", ") || "Done"}
            </Text>
          )}
        </div>
      )}
    </Container>
  )
}
