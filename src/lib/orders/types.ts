import type { OrderDetail, OrderSummary } from "../aliexpress"

/** An AliExpress order as the workflows carry it: plain JSON, amounts as numbers, dates as ISO text. */
export type AeOrderSnapshot = {
  ae_order_id: string
  status: string | null
  end_reason: string | null
  created_at: string | null
  updated_at: string | null
  currency_code: string
  order_amount: number | null
  shipping_amount: number
  logistics_service_name: string | null
  timeout_left_ms: number | null
  buyer: { login_id: string | null; first_name: string | null; last_name: string | null; country: string | null }
  address: {
    contact_person: string | null
    address_1: string | null
    address_2: string | null
    city: string | null
    province: string | null
    country_code: string | null
    postal_code: string | null
    phone: string | null
  }
  items: Array<{
    child_order_id: string | null
    product_id: string | null
    sku_code: string | null
    title: string | null
    quantity: number
    unit_price: number
  }>
}

export type OrderProblem = {
  field: string
  message: string
  hint: string
  origin: "validation" | "marketplace"
  /** the SKU code no Medusa variant has: the order is retried as soon as one gets it */
  sku_code?: string
}

/** What an order line copies from its variant and product, as Medusa's own line items do. */
export type MatchedVariantDetails = {
  barcode: string | null
  thumbnail: string | null
  product_description: string | null
  product_subtitle: string | null
  product_thumbnail: string | null
  product_handle: string | null
  product_type: string | null
  product_type_id: string | null
  product_collection: string | null
  product_discountable: boolean
  product_is_giftcard: boolean
  requires_shipping: boolean
}

/** What a reservation needs of a variant, read with the match so the new order is not read back. */
export type MatchedStock = {
  manage_inventory: boolean
  allow_backorder: boolean
  inventory_items: Array<{
    inventory_item_id: string
    required_quantity: number
    inventory: { location_levels: Array<{ location_id: string; stocked_quantity: number; reserved_quantity: number }> }
  }>
}

export type MatchedLine = {
  sku_code: string
  variant_id: string
  product_id: string
  title: string
  product_title: string | null
  details: MatchedVariantDetails
  stock?: MatchedStock
}

const amount = (money?: { amount?: string } | null): number | null => {
  if (!money?.amount) {
    return null
  }
  const n = Number(money.amount)
  return Number.isFinite(n) ? n : null
}

const iso = (d?: Date | string | null): string | null => (d ? new Date(d).toISOString() : null)

const text = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null)

/**
 * Folds the order detail (address, buyer, prices) and, when known, the list
 * summary (time left to ship, carrier the buyer chose) into one snapshot.
 */
export function toSnapshot(detail: OrderDetail, summary?: Partial<OrderSummary> | null): AeOrderSnapshot {
  const extra = detail as OrderDetail & { endReason?: string; gmtUpdate?: Date; end_reason?: string }
  const extraSummary = (summary ?? {}) as Partial<OrderSummary> & { endReason?: string }
  const a = detail.shippingAddress ?? {}
  const phone = text(a.mobileNo) ?? (text(a.phoneNumber) ? [text(a.phoneCountry), text(a.phoneNumber)].filter(Boolean).join(" ") : null)
  const summaryItems = summary?.items ?? []
  const currency =
    detail.orderAmount?.currency ?? detail.items.find((i) => i.unitPrice?.currency)?.unitPrice?.currency ?? "USD"
  return {
    ae_order_id: String(detail.orderId),
    status: detail.status ?? summary?.status ?? null,
    end_reason: text(extra.endReason ?? extra.end_reason ?? extraSummary.endReason),
    created_at: iso(detail.gmtCreate ?? summary?.gmtCreate),
    updated_at: iso(extra.gmtUpdate ?? summary?.gmtUpdate),
    currency_code: currency.toLowerCase(),
    order_amount: amount(detail.orderAmount) ?? amount(summary?.payAmount),
    shipping_amount: amount(detail.logisticsAmount) ?? 0,
    logistics_service_name: summaryItems.find((i) => i.logisticsServiceName)?.logisticsServiceName ?? null,
    timeout_left_ms: summary?.timeoutLeftMs ?? null,
    buyer: {
      login_id: text(detail.buyer?.loginId) ?? text(summary?.buyerLoginId),
      first_name: text(detail.buyer?.firstName),
      last_name: text(detail.buyer?.lastName),
      country: text(detail.buyer?.country),
    },
    address: {
      contact_person: text(a.contactPerson) ?? text(summary?.buyerName),
      address_1: text(a.address),
      address_2: text(a.address2),
      city: text(a.city),
      province: text(a.province),
      country_code: text(a.country)?.toLowerCase() ?? text(detail.buyer?.country)?.toLowerCase() ?? null,
      postal_code: text(a.zip),
      phone,
    },
    items: detail.items.map((item) => {
      const fromSummary = summaryItems.find((s) => s.skuCode && s.skuCode === item.skuCode)
      return {
        child_order_id: item.childOrderId ?? null,
        product_id: item.productId ?? null,
        sku_code: text(item.skuCode),
        title: text(item.productName) ?? text(fromSummary?.productName),
        quantity: item.quantity,
        unit_price: amount(item.unitPrice) ?? amount(fromSummary?.unitPrice) ?? 0,
      }
    }),
  }
}

/** AliExpress hides buyer emails; a stable made-up address keeps one customer per buyer login. */
export function buyerEmail(loginId: string | null, aeOrderId: string, domain: string): string {
  const local = (loginId ?? `order-${aeOrderId}`).toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[-.]+|[-.]+$/g, "")
  return `${local || `order-${aeOrderId}`}@${domain}`
}

/** "Jane Q Doe" -> first "Jane", last "Q Doe"; falls back to the buyer profile names. */
export function splitName(snapshot: AeOrderSnapshot): { first_name: string; last_name: string } {
  const contact = snapshot.address.contact_person
  if (contact) {
    const [first, ...rest] = contact.split(/\s+/)
    return { first_name: first, last_name: rest.join(" ") || snapshot.buyer.last_name || "" }
  }
  return { first_name: snapshot.buyer.first_name ?? "", last_name: snapshot.buyer.last_name ?? "" }
}

/** What one import run did, recorded on the account for the overview. */
export type ImportRunCounts = {
  listed: number
  imported: number
  held: number
  failed: number
  status_updates: number
  skipped: number
  retried: number
  /** False when a failure could not even be recorded: the watermark must stay. */
  complete: boolean
  errors: Array<{ ae_order_id: string; message: string }>
}
