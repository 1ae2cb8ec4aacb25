import { StatusBadge } from "@medusajs/ui"

type Color = "green" | "red" | "blue" | "orange" | "grey" | "purple"

export const LISTING_STATUS_META: Record<string, { label: string; color: Color; bar: string }> = {
  live: { label: "Live", color: "green", bar: "bg-ui-tag-green-icon" },
  auditing: { label: "In review", color: "blue", bar: "bg-ui-tag-blue-icon" },
  pending: { label: "Queued", color: "purple", bar: "bg-ui-tag-purple-icon" },
  draft: { label: "Draft", color: "grey", bar: "bg-ui-tag-neutral-icon" },
  invalid: { label: "Needs fixes", color: "orange", bar: "bg-ui-tag-orange-icon" },
  rejected: { label: "Rejected", color: "red", bar: "bg-ui-tag-red-icon" },
  error: { label: "Error", color: "red", bar: "bg-ui-fg-error" },
  offline: { label: "Offline", color: "grey", bar: "bg-ui-fg-disabled" },
  unknown: { label: "Unknown on AliExpress", color: "orange", bar: "bg-ui-tag-orange-icon" },
}

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

const badge = (meta: Record<string, { label: string; color: Color }>, status?: string | null) => {
  const m = (status && meta[status]) || { label: status ?? "—", color: "grey" as Color }
  return <StatusBadge color={m.color}>{m.label}</StatusBadge>
}

export const ListingStatusBadge = ({ status }: { status?: string | null }) => badge(LISTING_STATUS_META, status)
export const OrderStatusBadge = ({ status }: { status?: string | null }) => badge(ORDER_STATUS_META, status)
export const ShipmentStatusBadge = ({ status }: { status?: string | null }) => badge(SHIPMENT_STATUS_META, status)
