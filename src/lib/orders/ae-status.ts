/**
 * IN_CANCEL is a cancellation in progress; FINISH closes both delivered and
 * canceled orders, and only the end reason tells them apart.
 */
export function isCanceledOnAliExpress(status?: string | null, endReason?: string | null): boolean {
  if (status === "IN_CANCEL") {
    return true
  }
  return status === "FINISH" && !!endReason && /cancel|close|timeout|refund/i.test(endReason)
}

/** Orders not yet paid must not become Medusa orders: nothing to ship. */
export function isAwaitingPayment(status?: string | null): boolean {
  return status === "PLACE_ORDER_SUCCESS" || status === "RISK_CONTROL"
}
