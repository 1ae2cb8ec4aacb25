export type ShipmentPlan = {
  account_id: string
  ae_order_id: string
  order_id: string
  fulfillment_id: string
  binding_id: string | null
  service_name: string
  tracking_number: string
  tracking_website: string | null
  send_type: "all" | "part"
}

type Account = {
  id: string
  carrier_mapping?: Record<string, string> | null
  default_carrier: string
  default_tracking_website: string
}

const isUrl = (value: unknown): value is string => typeof value === "string" && /^https?:\/\/\S+$/i.test(value)

/**
 * What to tell AliExpress about one fulfillment: the carrier from the
 * merchant's mapping (shipping option first, then fulfillment provider, else
 * the default), the label's tracking number, and `part` until every item of
 * the order is in a shipped (or labelled) fulfillment, then `all`.
 */
export function planShipmentPush(fulfillment: any, account: Account, binding: { id: string } | null): ShipmentPlan | null {
  const order = fulfillment?.order
  const aeOrderId = order?.metadata?.aliexpress_order_id
  if (!order || !aeOrderId || fulfillment.canceled_at) {
    return null
  }
  const hasTracking = (l: any) => typeof l?.tracking_number === "string" && l.tracking_number.trim() !== ""
  const label = (fulfillment.labels ?? []).find(hasTracking)
  if (!label) {
    return null
  }
  const mapping = account.carrier_mapping ?? {}
  const service =
    fulfillment.metadata?.aliexpress_service_name ??
    mapping[fulfillment.shipping_option_id] ??
    mapping[fulfillment.provider_id] ??
    account.default_carrier
  const website = /^OTHER/i.test(service)
    ? isUrl(label.tracking_url)
      ? label.tracking_url
      : account.default_tracking_website
    : isUrl(label.tracking_url)
      ? label.tracking_url
      : null

  const shipped = new Map<string, number>()
  for (const f of order.fulfillments ?? []) {
    if (!f || f.canceled_at) {
      continue
    }
    const counts = f.id === fulfillment.id || f.shipped_at || (f.labels ?? []).some(hasTracking)
    if (!counts) {
      continue
    }
    for (const item of f.items ?? []) {
      shipped.set(item.line_item_id, (shipped.get(item.line_item_id) ?? 0) + Number(item.quantity))
    }
  }
  if (!(order.fulfillments ?? []).some((f: any) => f?.id === fulfillment.id)) {
    for (const item of fulfillment.items ?? []) {
      shipped.set(item.line_item_id, (shipped.get(item.line_item_id) ?? 0) + Number(item.quantity))
    }
  }
  const everything = (order.items ?? []).every((item: any) => (shipped.get(item.id) ?? 0) >= Number(item.quantity))

  return {
    account_id: account.id,
    ae_order_id: String(aeOrderId),
    order_id: order.id,
    fulfillment_id: fulfillment.id,
    binding_id: binding?.id ?? null,
    service_name: String(service),
    tracking_number: String(label.tracking_number).trim(),
    tracking_website: website,
    send_type: everything ? "all" : "part",
  }
}
