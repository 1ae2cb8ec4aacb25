import {
  AE_ORDER_STATUS_LABELS,
  aeOrderStatusLabel,
  carrierLabel,
  humanizeCode,
  isAwaitingShipment,
  LISTING_STATUS_LABELS,
  listingStatusLabel,
  problemFieldLabel,
} from "../../../src/lib/labels"
import { FIELD_DEFINITIONS } from "../../../src/lib/mapping"

// Every status AliExpress documents for orders (aliexpress-api notes, order statuses).
const DOCUMENTED_STATUSES = [
  "PLACE_ORDER_SUCCESS",
  "IN_CANCEL",
  "WAIT_SELLER_SEND_GOODS",
  "SELLER_PART_SEND_GOODS",
  "WAIT_BUYER_ACCEPT_GOODS",
  "FUND_PROCESSING",
  "IN_ISSUE",
  "IN_FROZEN",
  "WAIT_SELLER_EXAMINE_MONEY",
  "RISK_CONTROL",
  "FINISH",
]

describe("order status labels", () => {
  it.each(DOCUMENTED_STATUSES)("%s has plain words, not the code", (code) => {
    const label = aeOrderStatusLabel(code)
    expect(label).toBe(AE_ORDER_STATUS_LABELS[code])
    expect(label).not.toMatch(/_/)
    expect(label).not.toBe(code)
  })

  it.each([
    ["WAIT_SELLER_SEND_GOODS", "Awaiting shipment"],
    ["WAIT_BUYER_ACCEPT_GOODS", "Shipped, awaiting delivery"],
    ["FINISH", "Completed"],
  ])("%s reads %s", (code, label) => {
    expect(aeOrderStatusLabel(code)).toBe(label)
  })

  it("spells out a status AliExpress adds later instead of showing the code", () => {
    expect(aeOrderStatusLabel("WAIT_SOMETHING_NEW")).toBe("Wait something new")
    expect(humanizeCode("A-B.C")).toBe("A b c")
  })

  it("shows a dash when there is no status", () => {
    expect(aeOrderStatusLabel(null)).toBe("—")
    expect(aeOrderStatusLabel(undefined)).toBe("—")
  })
})

describe("carrier labels", () => {
  it.each([
    ["OTHER_US_OVERSEAS", "Seller's shipping method (US)"],
    ["CAINIAO_STANDARD", "AliExpress Standard Shipping"],
    ["DHL", "DHL Express"],
    ["OTHER_NL", "Seller's shipping method (NL)"],
    ["UPS", "UPS"],
    ["SOME_NEW_SERVICE", "Some new service"],
  ])("%s reads %s", (code, label) => {
    expect(carrierLabel(code)).toBe(label)
  })

  it("prefers the display name AliExpress gave for the seller's services", () => {
    expect(carrierLabel("OTHER_US_OVERSEAS", { OTHER_US_OVERSEAS: "Seller's Shipping Method - US" })).toBe("Seller's Shipping Method - US")
    // A display name equal to the code says nothing more: the table's words win.
    expect(carrierLabel("CAINIAO_STANDARD", { CAINIAO_STANDARD: "CAINIAO_STANDARD" })).toBe("AliExpress Standard Shipping")
  })

  it("shows a dash when there is no carrier", () => {
    expect(carrierLabel("")).toBe("—")
  })
})

describe("problem field labels", () => {
  it.each([
    ["images", "Images"],
    ["product", "Product"],
    ["skus", "Variants and SKUs"],
    ["shipping_option", "Shipping option"],
    ["sales_channel_id", "Sales channel"],
    ["attribute:Material", 'Attribute "Material"'],
    ["sku:TEE-RED-M", "Variant with SKU TEE-RED-M"],
    ["variant:variant_01", "A variant without a SKU"],
    ["some_new_field", "Some new field"],
  ])("%s reads %s", (field, label) => {
    expect(problemFieldLabel(field)).toBe(label)
  })

  it("names every template field by its form label", () => {
    for (const def of FIELD_DEFINITIONS) {
      expect(problemFieldLabel(def.key)).toBe(def.label)
    }
  })
})

describe("listing status filter labels", () => {
  it("labels status=invalid as the merchant reads it", () => {
    expect(listingStatusLabel("invalid")).toBe("Needs fixes")
  })

  it("labels every listing status without underscores", () => {
    for (const [status, label] of Object.entries(LISTING_STATUS_LABELS)) {
      expect(listingStatusLabel(status)).toBe(label)
      expect(label).not.toMatch(/_/)
    }
  })

  it("labels no filter and an unknown value", () => {
    expect(listingStatusLabel(null)).toBe("All statuses")
    expect(listingStatusLabel("not_a_status")).toBe("not a status")
  })
})

describe("awaiting shipment (the ship-by deadline shows)", () => {
  it("runs while AliExpress waits for the seller to ship", () => {
    expect(isAwaitingShipment("WAIT_SELLER_SEND_GOODS")).toBe(true)
    expect(isAwaitingShipment("SELLER_PART_SEND_GOODS", [{ status: "sent", send_type: "part" }])).toBe(true)
  })

  it("ends once shipped, even before AliExpress' new status is read back", () => {
    expect(isAwaitingShipment("WAIT_BUYER_ACCEPT_GOODS")).toBe(false)
    expect(isAwaitingShipment("WAIT_SELLER_SEND_GOODS", [{ status: "sent", send_type: "all" }])).toBe(false)
    expect(isAwaitingShipment("WAIT_SELLER_SEND_GOODS", [{ status: "pending", send_type: "all" }])).toBe(true)
    expect(isAwaitingShipment(null)).toBe(false)
  })
})
