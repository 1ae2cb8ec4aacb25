import { BUYER_EMAIL_DOMAIN } from "./constants"
import { buyerEmail, splitName, type AeOrderSnapshot, type MatchedLine, type OrderProblem } from "./types"

export type ImportContext = {
  account_id: string
  sales_channel_id: string | null
  region_id: string | null
  location_ids: string[]
  shipping_options: Array<{ id: string; name: string; provider_id: string | null }>
  carrier_mapping: Record<string, string>
}

export type OrderPlan = {
  problems: OrderProblem[]
  email: string
  customer: { email: string; first_name: string; last_name: string; phone: string | null; metadata: Record<string, unknown> }
  order: Record<string, any> | null
}

/**
 * The buyer paid what AliExpress charged, so items and shipping keep those
 * prices (tax inclusive, no re-pricing). Anything that would make Medusa
 * refuse the order becomes a problem instead, and the order is held.
 */
export function planMedusaOrder(snapshot: AeOrderSnapshot, matches: MatchedLine[], ctx: ImportContext): OrderPlan {
  const problems: OrderProblem[] = []
  const bySku = new Map(matches.map((m) => [m.sku_code, m]))

  for (const item of snapshot.items) {
    if (!item.sku_code) {
      problems.push({
        field: "sku_code",
        message: `The AliExpress item "${item.title ?? item.product_id}" has no SKU code`,
        hint: "Give the AliExpress SKU a code equal to a Medusa variant SKU, then retry the order",
        origin: "marketplace",
      })
    } else if (!bySku.has(item.sku_code)) {
      problems.push({
        field: "sku_code",
        message: `No Medusa variant has the SKU "${item.sku_code}"`,
        hint: `Set the SKU "${item.sku_code}" on the variant sold on AliExpress; the order is then imported by itself`,
        origin: "validation",
        sku_code: item.sku_code,
      })
    }
  }
  if (!ctx.sales_channel_id) {
    problems.push({
      field: "sales_channel_id",
      message: "The AliExpress sales channel is not set up",
      hint: "Save the AliExpress settings to create the sales channel",
      origin: "validation",
    })
  }
  if (!ctx.region_id) {
    problems.push({
      field: "region",
      message: `No region uses the currency ${snapshot.currency_code.toUpperCase()}`,
      hint: `Create a region with the currency ${snapshot.currency_code.toUpperCase()} and the system payment provider`,
      origin: "validation",
    })
  }
  const option = pickShippingOption(snapshot, ctx)
  if (!option) {
    problems.push({
      field: "shipping_option",
      message: "No shipping option serves the AliExpress sales channel's stock locations",
      hint: "Create a shipping option at a stock location linked to the AliExpress sales channel",
      origin: "validation",
    })
  }

  const name = splitName(snapshot)
  const email = buyerEmail(snapshot.buyer.login_id, snapshot.ae_order_id, BUYER_EMAIL_DOMAIN)
  const customer = {
    email,
    first_name: snapshot.buyer.first_name ?? name.first_name,
    last_name: snapshot.buyer.last_name ?? name.last_name,
    phone: snapshot.address.phone,
    metadata: { aliexpress_buyer_login_id: snapshot.buyer.login_id },
  }
  if (problems.length) {
    return { problems, email, customer, order: null }
  }

  const address = {
    first_name: name.first_name,
    last_name: name.last_name,
    address_1: snapshot.address.address_1 ?? "",
    address_2: snapshot.address.address_2 ?? "",
    city: snapshot.address.city ?? "",
    province: snapshot.address.province ?? "",
    postal_code: snapshot.address.postal_code ?? "",
    country_code: snapshot.address.country_code ?? "us",
    phone: snapshot.address.phone ?? "",
  }
  const order = {
    region_id: ctx.region_id,
    sales_channel_id: ctx.sales_channel_id,
    currency_code: snapshot.currency_code,
    email,
    status: "pending",
    no_notification: true,
    shipping_address: address,
    billing_address: address,
    items: snapshot.items.map((item) =>
      lineItem(bySku.get(item.sku_code as string) as MatchedLine, item, {
        aliexpress_child_order_id: item.child_order_id,
        aliexpress_product_id: item.product_id,
      })
    ),
    shipping_methods: [
      {
        shipping_option_id: option!.id,
        amount: snapshot.shipping_amount,
        name: snapshot.logistics_service_name ?? option!.name,
        is_tax_inclusive: true,
      },
    ],
    metadata: {
      aliexpress_order_id: snapshot.ae_order_id,
      aliexpress_buyer_login_id: snapshot.buyer.login_id,
      aliexpress_status: snapshot.status,
    },
  }
  return { problems, email, customer, order }
}

/**
 * An order line as Medusa's createOrderWorkflow shapes one from its variant (prepareLineItemData),
 * at the price the buyer paid on AliExpress: a custom, tax-inclusive unit price.
 */
function lineItem(match: MatchedLine, item: AeOrderSnapshot["items"][number], metadata: Record<string, unknown>) {
  const d = match.details
  return {
    variant_id: match.variant_id,
    product_id: match.product_id,
    quantity: item.quantity,
    unit_price: item.unit_price,
    is_custom_price: true,
    is_tax_inclusive: true,
    title: match.product_title ?? item.title ?? match.title,
    subtitle: match.title,
    thumbnail: d.thumbnail ?? d.product_thumbnail,
    product_title: match.product_title,
    product_description: d.product_description,
    product_subtitle: d.product_subtitle,
    product_type: d.product_type,
    product_type_id: d.product_type_id,
    product_collection: d.product_collection,
    product_handle: d.product_handle,
    variant_sku: match.sku_code,
    variant_barcode: d.barcode,
    variant_title: match.title,
    is_discountable: d.product_discountable,
    is_giftcard: d.product_is_giftcard,
    requires_shipping: d.requires_shipping,
    metadata,
  }
}

/** The option mapped to the carrier the buyer picked, else the first one serving the channel. */
function pickShippingOption(snapshot: AeOrderSnapshot, ctx: ImportContext) {
  if (!ctx.shipping_options.length) {
    return null
  }
  const wanted = snapshot.logistics_service_name
  if (wanted) {
    const mapped = ctx.shipping_options.find((o) => ctx.carrier_mapping[o.id] === wanted)
    if (mapped) {
      return mapped
    }
  }
  return ctx.shipping_options[0]
}

/**
 * What the buyer paid for a planned order: its tax-inclusive lines and shipping, in the
 * currency's cents. Tax lines split these amounts, they do not add to them, so this is the
 * order's total before it is read back.
 */
export function plannedOrderTotal(order: { items: Array<{ unit_price: number; quantity: number }>; shipping_methods: Array<{ amount: number }> }): number {
  const cents =
    order.items.reduce((sum, item) => sum + Math.round(Number(item.unit_price) * 100) * Number(item.quantity), 0) +
    order.shipping_methods.reduce((sum, method) => sum + Math.round(Number(method.amount) * 100), 0)
  return cents / 100
}
