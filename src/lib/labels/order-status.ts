/**
 * AliExpress order statuses in the words a merchant uses. The code stays available (tooltips,
 * detail rows) because AliExpress support and its seller centre speak in codes.
 */
export const AE_ORDER_STATUS_LABELS: Readonly<Record<string, string>> = {
  PLACE_ORDER_SUCCESS: "Awaiting payment",
  RISK_CONTROL: "Payment under risk review",
  IN_CANCEL: "Buyer asked to cancel",
  WAIT_SELLER_SEND_GOODS: "Awaiting shipment",
  SELLER_PART_SEND_GOODS: "Partly shipped",
  WAIT_BUYER_ACCEPT_GOODS: "Shipped, awaiting delivery",
  FUND_PROCESSING: "Payment processing",
  IN_ISSUE: "Buyer opened a dispute",
  IN_FROZEN: "Frozen by AliExpress",
  WAIT_SELLER_EXAMINE_MONEY: "Awaiting your payment confirmation",
  FINISH: "Completed",
}

/** Plain words for an AliExpress order status; an unknown code is spelled out from its words. */
export function aeOrderStatusLabel(code?: string | null): string {
  if (!code) return "—"
  return AE_ORDER_STATUS_LABELS[code] ?? humanizeCode(code)
}

/** "SOME_NEW_CODE" -> "Some new code": better than the code when AliExpress adds a status. */
export function humanizeCode(code: string): string {
  const words = code.replace(/[_\-.]+/g, " ").trim().toLowerCase()
  return words ? words[0].toUpperCase() + words.slice(1) : code
}

/** AliExpress order statuses in which the seller still has to ship (and a ship-by deadline runs). */
const AWAITING_SHIPMENT = new Set(["WAIT_SELLER_SEND_GOODS", "SELLER_PART_SEND_GOODS"])

/**
 * Whether the order still waits for the seller to ship. AliExpress' status is read back on the
 * next import, so a whole-order shipment already pushed counts as shipped before that.
 */
export function isAwaitingShipment(
  aeStatus?: string | null,
  shipments: readonly { status?: string | null; send_type?: string | null }[] = []
): boolean {
  if (!aeStatus || !AWAITING_SHIPMENT.has(aeStatus)) return false
  return !shipments.some((s) => s.status === "sent" && s.send_type === "all")
}
