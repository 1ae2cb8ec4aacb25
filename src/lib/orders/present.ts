/** Shipment outbox rows as the admin shows them (what was asked, what AliExpress has, why it failed). */
export function presentShipment(row: Record<string, any>) {
  return {
    id: row.id,
    ae_order_id: row.ae_order_id,
    order_id: row.order_id,
    fulfillment_id: row.fulfillment_id,
    service_name: row.service_name,
    tracking_number: row.tracking_number,
    tracking_website: row.tracking_website,
    send_type: row.send_type,
    status: row.status,
    pushed_service_name: row.pushed_service_name,
    pushed_tracking_number: row.pushed_tracking_number,
    attempts: row.attempts,
    next_attempt_at: row.next_attempt_at,
    last_error: row.last_error,
    last_error_code: row.last_error_code,
    sent_at: row.sent_at,
    created_at: row.created_at,
  }
}

/** One order binding with its shipments and a summary push status for the list. */
export function presentOrderBinding(row: Record<string, any>, shipments: Record<string, any>[]) {
  const pushStatus = !shipments.length
    ? null
    : shipments.some((s) => s.status === "failed")
      ? "failed"
      : shipments.some((s) => s.status === "pending")
        ? "pending"
        : "sent"
  return {
    id: row.id,
    ae_order_id: row.ae_order_id,
    order_id: row.order_id,
    status: row.status,
    ae_status: row.ae_status,
    ae_end_reason: row.ae_end_reason,
    buyer_login_id: row.buyer_login_id,
    total_amount: row.total_amount,
    currency_code: row.currency_code,
    ship_by: row.ship_by,
    problems: row.problems ?? [],
    last_error: row.last_error,
    attempts: row.attempts,
    ae_created_at: row.ae_created_at,
    imported_at: row.imported_at,
    last_attempt_at: row.last_attempt_at,
    /** a held or failed order is tried again then (or at once when the store gets what it waits for) */
    next_attempt_at: row.next_attempt_at ?? null,
    shipment_push_status: pushStatus,
    shipments: shipments.map(presentShipment),
  }
}
