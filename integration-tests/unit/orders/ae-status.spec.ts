import { isAwaitingPayment, isCanceledOnAliExpress } from "../../../src/lib/orders/ae-status"

type Case = { name: string; status: string | null | undefined; endReason?: string | null; canceled: boolean; awaiting: boolean }

const cases: Case[] = [
  { name: "placed, not paid", status: "PLACE_ORDER_SUCCESS", canceled: false, awaiting: true },
  { name: "held by risk control", status: "RISK_CONTROL", canceled: false, awaiting: true },
  { name: "paid, waiting for the seller", status: "WAIT_SELLER_SEND_GOODS", canceled: false, awaiting: false },
  { name: "partly shipped", status: "SELLER_PART_SEND_GOODS", canceled: false, awaiting: false },
  { name: "shipped, waiting for the buyer", status: "WAIT_BUYER_ACCEPT_GOODS", canceled: false, awaiting: false },
  { name: "cancellation in progress", status: "IN_CANCEL", canceled: true, awaiting: false },
  { name: "cancellation in progress, whatever the reason", status: "IN_CANCEL", endReason: "buyer_confirm_goods", canceled: true, awaiting: false },
  { name: "finished, delivered", status: "FINISH", endReason: "buyer_confirm_goods", canceled: false, awaiting: false },
  { name: "finished with no reason counts as delivered", status: "FINISH", endReason: null, canceled: false, awaiting: false },
  { name: "finished, canceled by the buyer", status: "FINISH", endReason: "buyer_cancel_order", canceled: true, awaiting: false },
  { name: "finished, closed by the seller", status: "FINISH", endReason: "seller_close_order", canceled: true, awaiting: false },
  { name: "finished, payment timed out", status: "FINISH", endReason: "pay_timeout", canceled: true, awaiting: false },
  { name: "finished, refunded (upper case)", status: "FINISH", endReason: "REFUND_SUCCESS", canceled: true, awaiting: false },
  { name: "a cancel-like reason on an open order does not cancel it", status: "WAIT_SELLER_SEND_GOODS", endReason: "cancel_requested", canceled: false, awaiting: false },
  { name: "no status", status: null, canceled: false, awaiting: false },
  { name: "status unknown", status: undefined, canceled: false, awaiting: false },
]

describe("AliExpress order statuses", () => {
  it.each(cases)("$name", ({ status, endReason, canceled, awaiting }) => {
    expect({
      canceled: isCanceledOnAliExpress(status, endReason),
      awaiting: isAwaitingPayment(status),
    }).toEqual({ canceled, awaiting })
  })
})
