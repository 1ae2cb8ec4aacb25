import { isAwaitingPayment, isCanceledOnAliExpress, isFinishedOnAliExpress, SHIPPABLE_STATUSES } from "../../../src/lib/orders/ae-status"

type Case = { name: string; status: string | null | undefined; endReason?: string | null; canceled: boolean; finished: boolean; awaiting: boolean; shippable: boolean }

const cases: Case[] = [
  { name: "placed, not paid", status: "PLACE_ORDER_SUCCESS", canceled: false, finished: false, awaiting: true, shippable: false },
  { name: "held by risk control", status: "RISK_CONTROL", canceled: false, finished: false, awaiting: true, shippable: false },
  { name: "paid, waiting for the seller", status: "WAIT_SELLER_SEND_GOODS", canceled: false, finished: false, awaiting: false, shippable: true },
  { name: "partly shipped", status: "SELLER_PART_SEND_GOODS", canceled: false, finished: false, awaiting: false, shippable: true },
  { name: "shipped, waiting for the buyer", status: "WAIT_BUYER_ACCEPT_GOODS", canceled: false, finished: false, awaiting: false, shippable: false },
  { name: "cancellation in progress", status: "IN_CANCEL", canceled: true, finished: false, awaiting: false, shippable: false },
  { name: "cancellation in progress, whatever the reason", status: "IN_CANCEL", endReason: "buyer_confirm_goods", canceled: true, finished: false, awaiting: false, shippable: false },
  { name: "finished, delivered", status: "FINISH", endReason: "buyer_confirm_goods", canceled: false, finished: true, awaiting: false, shippable: false },
  { name: "finished with no reason counts as delivered", status: "FINISH", endReason: null, canceled: false, finished: true, awaiting: false, shippable: false },
  { name: "finished, canceled by the buyer", status: "FINISH", endReason: "buyer_cancel_order", canceled: true, finished: false, awaiting: false, shippable: false },
  { name: "finished, closed by the seller", status: "FINISH", endReason: "seller_close_order", canceled: true, finished: false, awaiting: false, shippable: false },
  { name: "finished, payment timed out", status: "FINISH", endReason: "pay_timeout", canceled: true, finished: false, awaiting: false, shippable: false },
  { name: "finished, refunded (upper case)", status: "FINISH", endReason: "REFUND_SUCCESS", canceled: true, finished: false, awaiting: false, shippable: false },
  { name: "a cancel-like reason on an open order does not cancel it", status: "WAIT_SELLER_SEND_GOODS", endReason: "cancel_requested", canceled: false, finished: false, awaiting: false, shippable: true },
  { name: "no status", status: null, canceled: false, finished: false, awaiting: false, shippable: false },
  { name: "status unknown", status: undefined, canceled: false, finished: false, awaiting: false, shippable: false },
]

describe("AliExpress order statuses", () => {
  it.each(cases)("$name", ({ status, endReason, canceled, finished, awaiting, shippable }) => {
    expect({
      canceled: isCanceledOnAliExpress(status, endReason),
      finished: isFinishedOnAliExpress(status, endReason),
      awaiting: isAwaitingPayment(status),
      shippable: (SHIPPABLE_STATUSES as readonly string[]).includes(status as string),
    }).toEqual({ canceled, finished, awaiting, shippable })
  })
})
