import type { OrderDetail, OrderSummary } from "../../../src/lib/aliexpress"
import { buyerEmail, splitName, toSnapshot } from "../../../src/lib/orders/types"
import { snapshot } from "./fixtures"

function detail(overrides: Partial<OrderDetail> = {}): OrderDetail {
  return {
    orderId: "8180000000000001",
    status: "WAIT_SELLER_SEND_GOODS",
    gmtCreate: new Date("2026-11-20T10:00:00.000Z"),
    orderAmount: { amount: "61.50", currency: "USD" },
    logisticsAmount: { amount: "4.50", currency: "USD" },
    buyer: { loginId: "us1234567", firstName: "Jane", lastName: "Doe", country: "US" },
    shippingAddress: {
      contactPerson: "Jane Q Doe",
      address: "1 Main St",
      address2: "Apt 2",
      city: "Springfield",
      province: "IL",
      country: "US",
      zip: "62701",
      mobileNo: "+1 5550100",
    },
    items: [{ childOrderId: "8180000000000002", productId: "1005000000000001", skuCode: "SHIRT-S", productName: "Shirt S", quantity: 1, unitPrice: { amount: "20.00", currency: "USD" } }],
    shipments: [],
    ...overrides,
  } as OrderDetail
}

function summary(overrides: Partial<OrderSummary> = {}): Partial<OrderSummary> {
  return {
    orderId: "8180000000000001",
    status: "WAIT_SELLER_SEND_GOODS",
    gmtUpdate: new Date("2026-11-20T10:05:00.000Z"),
    payAmount: { amount: "61.50", currency: "USD" },
    buyerLoginId: "us1234567",
    buyerName: "Jane Doe",
    timeoutLeftMs: 86_400_000,
    items: [{ skuCode: "SHIRT-S", productName: "Shirt S (list)", quantity: 1, unitPrice: { amount: "19.00", currency: "USD" }, logisticsServiceName: "CAINIAO_STANDARD" }],
    ...overrides,
  }
}

describe("toSnapshot", () => {
  it("folds the detail and the list summary into one snapshot", () => {
    expect(toSnapshot(detail(), summary())).toEqual({
      ae_order_id: "8180000000000001",
      status: "WAIT_SELLER_SEND_GOODS",
      end_reason: null,
      created_at: "2026-11-20T10:00:00.000Z",
      updated_at: "2026-11-20T10:05:00.000Z",
      currency_code: "usd",
      order_amount: 61.5,
      shipping_amount: 4.5,
      logistics_service_name: "CAINIAO_STANDARD",
      timeout_left_ms: 86_400_000,
      buyer: { login_id: "us1234567", first_name: "Jane", last_name: "Doe", country: "US" },
      address: {
        contact_person: "Jane Q Doe",
        address_1: "1 Main St",
        address_2: "Apt 2",
        city: "Springfield",
        province: "IL",
        country_code: "us",
        postal_code: "62701",
        phone: "+1 5550100",
      },
      items: [{ child_order_id: "8180000000000002", product_id: "1005000000000001", sku_code: "SHIRT-S", title: "Shirt S", quantity: 1, unit_price: 20 }],
    })
  })

  type Case = { name: string; detail: OrderDetail; summary?: Partial<OrderSummary> | null; expected: Record<string, unknown> }
  const cases: Case[] = [
    {
      name: "no summary: no carrier, no time left, no update date",
      detail: detail(),
      summary: null,
      expected: { logistics_service_name: null, timeout_left_ms: null, updated_at: null },
    },
    {
      name: "the status falls back to the summary's",
      detail: detail({ status: undefined }),
      summary: summary({ status: "SELLER_PART_SEND_GOODS" }),
      expected: { status: "SELLER_PART_SEND_GOODS" },
    },
    {
      name: "the end reason from the detail, trimmed",
      detail: detail({ status: "FINISH", endReason: "  buyer_cancel_order " }),
      expected: { status: "FINISH", end_reason: "buyer_cancel_order" },
    },
    {
      name: "the end reason from the summary when the detail has none",
      detail: detail(),
      summary: { ...summary(), endReason: "seller_close_order" } as Partial<OrderSummary>,
      expected: { end_reason: "seller_close_order" },
    },
    {
      name: "currency from the first priced item when the order amount has none",
      detail: detail({ orderAmount: undefined, items: [{ quantity: 1, unitPrice: { amount: "3", currency: "EUR" } }] as OrderDetail["items"] }),
      summary: summary({ payAmount: { amount: "3.00", currency: "EUR" } }),
      expected: { currency_code: "eur", order_amount: 3 },
    },
    {
      name: "no currency anywhere: usd",
      detail: detail({ orderAmount: undefined, items: [{ quantity: 1 }] as OrderDetail["items"] }),
      summary: null,
      expected: { currency_code: "usd", order_amount: null },
    },
    {
      name: "an amount that is not a number is unknown; missing shipping is free",
      detail: detail({ orderAmount: { amount: "n/a", currency: "USD" }, logisticsAmount: undefined }),
      summary: null,
      expected: { order_amount: null, shipping_amount: 0 },
    },
    {
      name: "a phone number with its country code when there is no mobile",
      detail: detail({ shippingAddress: { ...detail().shippingAddress, mobileNo: " ", phoneCountry: "+49", phoneNumber: "301234567" } }),
      expected: { address: expect.objectContaining({ phone: "+49 301234567" }) },
    },
    {
      name: "a phone number without a country code",
      detail: detail({ shippingAddress: { ...detail().shippingAddress, mobileNo: undefined, phoneNumber: "301234567" } }),
      expected: { address: expect.objectContaining({ phone: "301234567" }) },
    },
    {
      name: "no phone at all",
      detail: detail({ shippingAddress: { ...detail().shippingAddress, mobileNo: undefined, phoneCountry: "+49" } }),
      expected: { address: expect.objectContaining({ phone: null }) },
    },
    {
      name: "the country from the buyer when the address has none, lower-cased",
      detail: detail({ shippingAddress: { ...detail().shippingAddress, country: undefined }, buyer: { country: "FR" } }),
      summary: summary({ buyerLoginId: undefined }),
      expected: { address: expect.objectContaining({ country_code: "fr" }), buyer: { login_id: null, first_name: null, last_name: null, country: "FR" } },
    },
    {
      name: "the buyer login and contact from the summary when the detail lacks them",
      detail: detail({ buyer: {}, shippingAddress: { ...detail().shippingAddress, contactPerson: "  " } }),
      expected: { buyer: { login_id: "us1234567", first_name: null, last_name: null, country: null }, address: expect.objectContaining({ contact_person: "Jane Doe" }) },
    },
    {
      name: "an item's missing title and price come from the summary line with its SKU",
      detail: detail({ items: [{ skuCode: "SHIRT-S", quantity: 2 }] as OrderDetail["items"] }),
      expected: { items: [{ child_order_id: null, product_id: null, sku_code: "SHIRT-S", title: "Shirt S (list)", quantity: 2, unit_price: 19 }] },
    },
    {
      name: "an item with no price anywhere is priced 0",
      detail: detail({ items: [{ skuCode: "OTHER", quantity: 1 }] as OrderDetail["items"] }),
      expected: { items: [{ child_order_id: null, product_id: null, sku_code: "OTHER", title: null, quantity: 1, unit_price: 0 }] },
    },
    {
      name: "a blank SKU code is no SKU code",
      detail: detail({ items: [{ skuCode: "  ", productName: "Mug", quantity: 1, unitPrice: { amount: "5", currency: "USD" } }] as OrderDetail["items"] }),
      expected: { items: [expect.objectContaining({ sku_code: null, title: "Mug", unit_price: 5 })] },
    },
  ]

  it.each(cases)("$name", ({ detail: d, summary: s, expected }) => {
    expect(toSnapshot(d, s === undefined ? summary() : s)).toMatchObject(expected)
  })
})

describe("buyerEmail", () => {
  it.each([
    { name: "a login id, lower-cased", login: "CN1234Buyer", email: "cn1234buyer@shop.invalid" },
    { name: "dots, dashes and underscores kept", login: "jane.doe_1-x", email: "jane.doe_1-x@shop.invalid" },
    { name: "runs of other characters become one dash", login: "jane  doe@@mail", email: "jane-doe-mail@shop.invalid" },
    { name: "leading and trailing dots and dashes trimmed", login: "..-jane-..", email: "jane@shop.invalid" },
    { name: "no login id: per order", login: null, email: "order-818@shop.invalid" },
    { name: "nothing usable left: per order", login: "***", email: "order-818@shop.invalid" },
  ])("$name", ({ login, email }) => {
    expect(buyerEmail(login, "818", "shop.invalid")).toBe(email)
  })
})

describe("splitName", () => {
  it.each([
    { name: "first word and the rest", contact: "Jane Q Doe", buyer: {}, expected: { first_name: "Jane", last_name: "Q Doe" } },
    { name: "runs of spaces between words", contact: "Jane   Doe", buyer: {}, expected: { first_name: "Jane", last_name: "Doe" } },
    { name: "one word: the buyer's last name", contact: "Jane", buyer: { last_name: "Doe" }, expected: { first_name: "Jane", last_name: "Doe" } },
    { name: "one word, no buyer last name", contact: "Jane", buyer: { last_name: null }, expected: { first_name: "Jane", last_name: "" } },
    { name: "no contact: the buyer's names", contact: null, buyer: { first_name: "Ann", last_name: "Lee" }, expected: { first_name: "Ann", last_name: "Lee" } },
    { name: "no names at all", contact: null, buyer: { first_name: null, last_name: null }, expected: { first_name: "", last_name: "" } },
  ])("$name", ({ contact, buyer, expected }) => {
    expect(splitName(snapshot({ address: { contact_person: contact }, buyer }))).toEqual(expected)
  })
})
