import type { ImportContext } from "../../../src/lib/orders/plan-order"
import type { AeOrderSnapshot, MatchedLine } from "../../../src/lib/orders/types"

type SnapshotOverrides = Partial<Omit<AeOrderSnapshot, "buyer" | "address">> & {
  buyer?: Partial<AeOrderSnapshot["buyer"]>
  address?: Partial<AeOrderSnapshot["address"]>
}

/** A paid two-line AliExpress order, shaped as toSnapshot leaves it (lower-case currency and country). */
export function snapshot(overrides: SnapshotOverrides = {}): AeOrderSnapshot {
  const { buyer, address, ...rest } = overrides
  return {
    ae_order_id: "8180000000000001",
    status: "WAIT_SELLER_SEND_GOODS",
    end_reason: null,
    created_at: "2026-11-20T10:00:00.000Z",
    updated_at: "2026-11-20T10:05:00.000Z",
    currency_code: "usd",
    order_amount: 61.5,
    shipping_amount: 4.5,
    logistics_service_name: "CAINIAO_STANDARD",
    timeout_left_ms: 3 * 24 * 60 * 60 * 1000,
    items: [item(), item({ child_order_id: "8180000000000003", sku_code: "SHIRT-M", quantity: 2, unit_price: 18.5, title: "Shirt M" })],
    ...rest,
    buyer: { login_id: "us1234567", first_name: "Jane", last_name: "Doe", country: "US", ...buyer },
    address: {
      contact_person: "Jane Q Doe",
      address_1: "1 Main St",
      address_2: "Apt 2",
      city: "Springfield",
      province: "IL",
      country_code: "us",
      postal_code: "62701",
      phone: "+1 5550100",
      ...address,
    },
  }
}

export function item(overrides: Partial<AeOrderSnapshot["items"][number]> = {}): AeOrderSnapshot["items"][number] {
  return {
    child_order_id: "8180000000000002",
    product_id: "1005000000000001",
    sku_code: "SHIRT-S",
    title: "Shirt S",
    quantity: 1,
    unit_price: 20,
    ...overrides,
  }
}

/** The Medusa variant found for a SKU, with the product fields its order line copies. */
export function matched(sku: string, overrides: Partial<MatchedLine> = {}): MatchedLine {
  return {
    sku_code: sku,
    variant_id: `variant_${sku}`,
    product_id: "prod_shirt",
    title: sku.split("-").pop() as string,
    product_title: "Classic Shirt",
    details: {
      barcode: `bar-${sku}`,
      thumbnail: null,
      product_description: "A shirt",
      product_subtitle: "Cotton",
      product_thumbnail: "https://img.example/shirt.png",
      product_handle: "classic-shirt",
      product_type: "Shirts",
      product_type_id: "ptyp_1",
      product_collection: "Summer",
      product_discountable: true,
      product_is_giftcard: false,
      requires_shipping: true,
    },
    ...overrides,
  }
}

export function importContext(overrides: Partial<ImportContext> = {}): ImportContext {
  return {
    account_id: "aeacc_1",
    sales_channel_id: "sc_ae",
    region_id: "reg_usd",
    location_ids: ["sloc_1"],
    shipping_options: [
      { id: "so_standard", name: "Standard", provider_id: "manual_manual" },
      { id: "so_express", name: "Express", provider_id: "manual_manual" },
    ],
    carrier_mapping: {},
    ...overrides,
  }
}
