import { Button, Text, toast } from "@medusajs/ui"
import { CarrierName, ShipmentStatusBadge } from "../status-badges"
import { useRetryShipment, type AeShipment } from "../../hooks/orders"
import { toastError } from "../../lib/errors"
import { formatDateTime, formatRelative } from "../../lib/format"

/** Shipments pushed (or to push) to AliExpress, with AliExpress's reason and a retry when one failed. */
export const ShipmentList = ({ shipments }: { shipments: AeShipment[] }) => {
  const retry = useRetryShipment()
  if (!shipments.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        Not shipped yet. Fulfil and mark the Medusa order as shipped: the tracking number goes to AliExpress.
      </Text>
    )
  }
  const onRetry = async (id: string) => {
    try {
      await retry.mutateAsync({ id })
      toast.success("Shipment pushed again")
    } catch (e) {
      toastError(e, "The push failed again")
    }
  }
  return (
    <ul className="flex flex-col gap-y-2" data-testid="shipment-list">
      {shipments.map((s) => (
        <li key={s.id} className="flex flex-col gap-y-1 rounded-md border border-ui-border-base p-3">
          <div className="flex items-center justify-between gap-x-2">
            <Text size="small" weight="plus" asChild>
              <span>
                <CarrierName code={s.service_name} /> · {s.tracking_number}
              </span>
            </Text>
            <ShipmentStatusBadge status={s.status} />
          </div>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {s.send_type === "part" ? "Partial shipment" : "Whole order"}
            {s.sent_at ? ` · pushed ${formatDateTime(s.sent_at)}` : ""}
            {s.status === "pending" && s.next_attempt_at ? ` · next attempt ${formatRelative(s.next_attempt_at)}` : ""}
            {s.attempts ? ` · ${s.attempts} attempt${s.attempts === 1 ? "" : "s"}` : ""}
          </Text>
          {s.last_error && s.status !== "sent" && (
            <Text size="small" className="text-ui-fg-error">
              {s.last_error_code ? `${s.last_error_code}: ` : ""}
              {s.last_error}
            </Text>
          )}
          {s.status === "failed" && (
            <Button size="small" variant="secondary" className="self-start" onClick={() => onRetry(s.id)} isLoading={retry.isPending} data-testid={`retry-shipment-${s.id}`}>
              Retry push
            </Button>
          )}
        </li>
      ))}
    </ul>
  )
}
