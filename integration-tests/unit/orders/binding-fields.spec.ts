import { bindingFieldsFromSnapshot, isUniqueViolation } from "../../../src/lib/orders/binding-fields"
import { snapshot } from "./fixtures"

const now = Date.parse("2026-11-29T12:00:00.000Z")

describe("bindingFieldsFromSnapshot", () => {
  it.each([
    {
      name: "a paid order with every field",
      snapshot: snapshot(),
      fields: {
        ae_status: "WAIT_SELLER_SEND_GOODS",
        ae_end_reason: null,
        buyer_login_id: "us1234567",
        total_amount: "61.5",
        currency_code: "usd",
        ship_by: new Date(now + 3 * 24 * 60 * 60 * 1000),
        ae_created_at: new Date("2026-11-20T10:00:00.000Z"),
        ae_updated_at: new Date("2026-11-20T10:05:00.000Z"),
      },
    },
    {
      name: "a canceled order with its reason and no time left",
      snapshot: snapshot({ status: "FINISH", end_reason: "buyer_cancel_order", timeout_left_ms: null }),
      fields: { ae_status: "FINISH", ae_end_reason: "buyer_cancel_order", ship_by: undefined },
    },
    {
      name: "no time left (0) leaves ship_by untouched",
      snapshot: snapshot({ timeout_left_ms: 0 }),
      fields: { ship_by: undefined },
    },
    {
      name: "unknown amount, buyer and dates become null",
      snapshot: snapshot({ order_amount: null, buyer: { login_id: null }, created_at: null, updated_at: null }),
      fields: { total_amount: null, buyer_login_id: null, ae_created_at: null, ae_updated_at: null },
    },
    {
      name: "an amount of 0 is kept as text",
      snapshot: snapshot({ order_amount: 0, currency_code: "eur" }),
      fields: { total_amount: "0", currency_code: "eur" },
    },
  ])("$name", ({ snapshot: snap, fields }) => {
    expect(bindingFieldsFromSnapshot(snap, now)).toMatchObject(fields)
  })
})

describe("isUniqueViolation", () => {
  it.each([
    { name: "Medusa's 'already exists'", error: new Error("Ali express order with ae_order_id: 818, already exists."), unique: true },
    { name: "PostgreSQL's duplicate key", error: new Error('duplicate key value violates unique constraint "IDX_x"'), unique: true },
    { name: "a unique constraint in upper case", error: { message: "UNIQUE CONSTRAINT failed" }, unique: true },
    { name: "any other error", error: new Error("connection refused"), unique: false },
    { name: "an error without message", error: {}, unique: false },
    { name: "null", error: null, unique: false },
    { name: "a bare string", error: "already exists", unique: false },
  ])("$name", ({ error, unique }) => {
    expect(isUniqueViolation(error)).toBe(unique)
  })
})
