/** Listing statuses as the Products screen names them (filters, badges, chart legend). */
export const LISTING_STATUS_LABELS: Readonly<Record<string, string>> = {
  live: "Live",
  auditing: "In review",
  pending: "Queued",
  draft: "Draft",
  invalid: "Needs fixes",
  rejected: "Rejected",
  error: "Error",
  offline: "Offline",
  unknown: "Unknown on AliExpress",
}

/** The label of a `status=` filter from the page URL; an unknown value reads as words, not a code. */
export function listingStatusLabel(status?: string | null): string {
  if (!status) return "All statuses"
  return LISTING_STATUS_LABELS[status] ?? status.replace(/[_-]+/g, " ")
}
