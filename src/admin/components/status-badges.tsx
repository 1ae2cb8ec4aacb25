import { StatusBadge, Text, Tooltip } from "@medusajs/ui"
import { aeOrderStatusLabel, carrierLabel, LISTING_STATUS_LABELS } from "../../lib/labels"

type Color = "green" | "red" | "blue" | "orange" | "grey" | "purple"

const LISTING_COLORS: Record<string, { color: Color; bar: string }> = {
  live: { color: "green", bar: "bg-ui-tag-green-icon" },
  auditing: { color: "blue", bar: "bg-ui-tag-blue-icon" },
  pending: { color: "purple", bar: "bg-ui-tag-purple-icon" },
  draft: { color: "grey", bar: "bg-ui-tag-neutral-icon" },
  invalid: { color: "orange", bar: "bg-ui-tag-orange-icon" },
  rejected: { color: "red", bar: "bg-ui-tag-red-icon" },
  error: { color: "red", bar: "bg-ui-fg-error" },
  offline: { color: "grey", bar: "bg-ui-fg-disabled" },
  unknown: { color: "orange", bar: "bg-ui-tag-orange-icon" },
}

export const LISTING_STATUS_META: Record<string, { label: string; color: Color; bar: string }> = Object.fromEntries(
  Object.entries(LISTING_COLORS).map(([status, meta]) => [status, { ...meta, label: LISTING_STATUS_LABELS[status] }])
)

export const ORDER_STATUS_META: Record<string, { label: string; color: Color }> = {
  imported: { label: "Imported", color: "green" },
  importing: { label: "Importing", color: "blue" },
  held: { label: "Held", color: "orange" },
  failed: { label: "Failed", color: "red" },
  canceled: { label: "Canceled", color: "grey" },
}

export const SHIPMENT_STATUS_META: Record<string, { label: string; color: Color }> = {
  sent: { label: "Pushed", color: "green" },
  pending: { label: "Pending push", color: "blue" },
  failed: { label: "Push failed", color: "red" },
}

// Badges never wrap: a two-line badge breaks the row's rhythm in narrow table columns.
const badge = (meta: Record<string, { label: string; color: Color }>, status?: string | null) => {
  const m = (status && meta[status]) || { label: status ?? "—", color: "grey" as Color }
  return (
    <StatusBadge color={m.color} className="whitespace-nowrap">
      {m.label}
    </StatusBadge>
  )
}

export const ListingStatusBadge = ({ status }: { status?: string | null }) => badge(LISTING_STATUS_META, status)
export const OrderStatusBadge = ({ status }: { status?: string | null }) => badge(ORDER_STATUS_META, status)
export const ShipmentStatusBadge = ({ status }: { status?: string | null }) => badge(SHIPMENT_STATUS_META, status)

/** Plain words with AliExpress' code one hover away (support and the seller centre speak in codes). */
export const CodeLabel = ({ label, code, testId }: { label: string; code?: string | null; testId?: string }) =>
  code ? (
    <Tooltip content={code}>
      <span className="cursor-help underline decoration-dotted underline-offset-2" data-code={code} data-testid={testId}>
        {label}
      </span>
    </Tooltip>
  ) : (
    <span data-testid={testId}>{label}</span>
  )

export const AeOrderStatus = ({ code, testId }: { code?: string | null; testId?: string }) => (
  <CodeLabel label={aeOrderStatusLabel(code)} code={code} testId={testId} />
)

export const CarrierName = ({ code, displayName }: { code?: string | null; displayName?: string }) => (
  <CodeLabel label={carrierLabel(code, code && displayName ? { [code]: displayName } : undefined)} code={code} />
)

/** A relative time that stays on one line, the full date on hover. */
export const NoWrapText = ({ children, title }: { children: React.ReactNode; title?: string }) => (
  <Text size="small" className="whitespace-nowrap" title={title} asChild>
    <span>{children}</span>
  </Text>
)
