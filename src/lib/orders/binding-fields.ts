import type { AeOrderSnapshot } from "./types"

/** The binding columns that mirror AliExpress' view of the order. */
export function bindingFieldsFromSnapshot(snapshot: AeOrderSnapshot, now = Date.now()) {
  return {
    ae_status: snapshot.status,
    ae_end_reason: snapshot.end_reason,
    buyer_login_id: snapshot.buyer.login_id,
    total_amount: snapshot.order_amount === null ? null : String(snapshot.order_amount),
    currency_code: snapshot.currency_code,
    ship_by: snapshot.timeout_left_ms ? new Date(now + snapshot.timeout_left_ms) : undefined,
    ae_created_at: snapshot.created_at ? new Date(snapshot.created_at) : null,
    ae_updated_at: snapshot.updated_at ? new Date(snapshot.updated_at) : null,
  }
}

/** Medusa reports a unique-index violation as "... already exists". */
export function isUniqueViolation(error: unknown): boolean {
  const message = (error as { message?: string })?.message ?? ""
  return /already exists|duplicate key|unique constraint/i.test(message)
}
