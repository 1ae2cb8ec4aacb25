import { presentOrderBinding, presentShipment } from "../../../src/lib/orders/present"

const binding = {
  id: "aeord_1",
  ae_order_id: "8180000000000001",
  order_id: "order_1",
  status: "imported",
  ae_status: "WAIT_SELLER_SEND_GOODS",
  ae_end_reason: null,
  buyer_login_id: "us1234567",
  total_amount: "61.5",
  currency_code: "usd",
  ship_by: "2026-12-01T00:00:00.000Z",
  problems: null,
  last_error: null,
  attempts: 1,
  ae_created_at: "2026-11-20T10:00:00.000Z",
  imported_at: "2026-11-20T10:06:00.000Z",
  last_attempt_at: "2026-11-20T10:06:00.000Z",
  raw_detail: { secret: "internal" },
}

const shipment = (status: string, extra: Record<string, unknown> = {}) => ({
  id: `aeshp_${status}`,
  ae_order_id: "8180000000000001",
  order_id: "order_1",
  fulfillment_id: "ful_1",
  service_name: "DHL",
  tracking_number: "LX1",
  tracking_website: null,
  send_type: "all",
  status,
  pushed_service_name: null,
  pushed_tracking_number: null,
  attempts: 0,
  next_attempt_at: null,
  last_error: null,
  last_error_code: null,
  sent_at: null,
  created_at: "2026-11-21T00:00:00.000Z",
  ...extra,
})

describe("presentOrderBinding: the shipment push status", () => {
  it.each([
    { name: "no shipments", statuses: [], pushStatus: null },
    { name: "all sent", statuses: ["sent", "sent"], pushStatus: "sent" },
    { name: "one pending", statuses: ["sent", "pending"], pushStatus: "pending" },
    { name: "a failure outranks pending", statuses: ["pending", "failed", "sent"], pushStatus: "failed" },
  ])("$name -> $pushStatus", ({ statuses, pushStatus }) => {
    const presented = presentOrderBinding(binding, statuses.map((s) => shipment(s)))
    expect(presented.shipment_push_status).toBe(pushStatus)
    expect(presented.shipments.map((s) => s.status)).toEqual(statuses)
  })

  it("shows the binding's own fields, no problems as an empty list, and nothing internal", () => {
    const presented = presentOrderBinding(binding, [])
    const { raw_detail, problems, ...shown } = binding
    expect(presented).toEqual({ ...shown, problems: [], next_attempt_at: null, shipment_push_status: null, shipments: [] })
  })
})

describe("presentShipment", () => {
  it("shows what was asked, what AliExpress has and why it failed, and nothing else", () => {
    const row = {
      ...shipment("failed", { last_error: "tracking number refused", last_error_code: "ORDER_NOT_FOUND", attempts: 3 }),
      internal_payload: { a: 1 },
    }
    const { internal_payload, ...shown } = row
    expect(presentShipment(row)).toEqual(shown)
  })
})
