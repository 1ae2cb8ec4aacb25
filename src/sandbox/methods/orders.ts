import { MethodContext, MethodDef, asObject, idValue, intValue, jsonParam, notFound } from "../context"
import { SUB, invalid } from "../errors"
import { id, wrap } from "../json"
import { formatPacific, parsePacific } from "../pacific-time"
import { OrderRecord } from "../store"

export const ORDER_STATUSES = [
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

const DAY_MS = 24 * 3600 * 1000
const MAX_WINDOW_MS = 180 * DAY_MS

const cents = (amount: string): number => Math.round(Number(amount) * 100)
const money = (amountCents: number, currency: string) => ({
  amount: (amountCents / 100).toFixed(2),
  currency_code: currency,
})

function productCents(order: OrderRecord): number {
  return order.items.reduce((sum, item) => sum + cents(item.unit_price) * item.quantity, 0)
}

function logisticsStatus(order: OrderRecord): string {
  if (order.shipments.length === 0) {
    return "NO_LOGISTICS"
  }
  if (order.status === "FINISH") {
    return "BUYER_ACCEPT_GOODS"
  }
  return order.status === "SELLER_PART_SEND_GOODS" ? "SELLER_SEND_PART_GOODS" : "SELLER_SEND_GOODS"
}

function awaitingShipment(order: OrderRecord): boolean {
  return order.status === "WAIT_SELLER_SEND_GOODS" || order.status === "SELLER_PART_SEND_GOODS"
}

/** AliExpress's commission on the goods, 5% in the sandbox. */
const ESCROW_RATE = 0.05

function orderDto(ctx: MethodContext, order: OrderRecord): Record<string, unknown> {
  const seller = ctx.seller.account
  const left = awaitingShipment(order) ? Math.max(0, order.ship_deadline - ctx.store.now()) : undefined
  const lastShipment = order.shipments[order.shipments.length - 1]
  const perItemShipping = Math.round(cents(order.shipping_amount) / order.items.length)
  const zero = money(0, order.currency)
  return {
    order_id: id(order.order_id),
    order_status: order.status,
    gmt_create: formatPacific(order.gmt_create),
    gmt_update: formatPacific(order.gmt_update),
    gmt_pay_time: formatPacific(order.gmt_pay),
    gmt_send_goods_time: lastShipment ? formatPacific(lastShipment.gmt_send) : undefined,
    pay_amount: money(productCents(order) + cents(order.shipping_amount), order.currency),
    buyer_login_id: order.buyer.login_id,
    buyer_signer_fullname: `${order.buyer.first_name} ${order.buyer.last_name}`,
    seller_login_id: seller.user_nick,
    seller_operator_login_id: seller.user_nick,
    seller_signer_fullname: seller.shop_name,
    timeout_left_time: left,
    left_send_good_day: left === undefined ? undefined : String(Math.floor(left / DAY_MS)),
    left_send_good_hour: left === undefined ? undefined : String(Math.floor((left % DAY_MS) / 3600000)),
    left_send_good_min: left === undefined ? undefined : String(Math.floor((left % 3600000) / 60000)),
    logistics_status: logisticsStatus(order),
    fund_status: "PAY_SUCCESS",
    frozen_status: "NO_FROZEN",
    issue_status: "NO_ISSUE",
    // Empty until the order ends, as the plugin reads an empty end_reason as none.
    end_reason: order.end_reason ?? "",
    biz_type: "AE_COMMON",
    payment_type: "ALIPAY",
    has_request_loan: false,
    loan_amount: zero,
    escrow_fee: money(Math.round(productCents(order) * ESCROW_RATE), order.currency),
    escrow_fee_rate: ESCROW_RATE,
    logisitcs_escrow_fee_rate: String(ESCROW_RATE),
    order_detail_url: `https://trade.aliexpress.com/order_detail.htm?orderId=${order.order_id}`,
    offline_pickup_type: "",
    phone: false,
    product_list: wrap(
      "order_product_dto",
      order.items.map((item) => ({
        order_id: id(order.order_id),
        child_id: id(item.child_id),
        product_id: id(item.product_id),
        sku_code: item.sku_code,
        product_name: item.product_name,
        product_count: item.quantity,
        product_unit: "piece",
        product_unit_price: money(cents(item.unit_price), order.currency),
        total_product_amount: money(cents(item.unit_price) * item.quantity, order.currency),
        logistics_amount: money(perItemShipping, order.currency),
        product_img_url: item.image,
        product_standard: item.attributes.map((a) => `${a.name}:${a.value}`).join(" "),
        logistics_service_name: lastShipment?.service_name ?? "CAINIAO_STANDARD",
        logistics_type: lastShipment?.service_name ?? "CAINIAO_STANDARD",
        son_order_status: order.status,
        show_status: order.status,
        send_goods_time: lastShipment ? formatPacific(lastShipment.gmt_send) : undefined,
        send_goods_operator: lastShipment ? "SELLER_SEND_GOODS" : undefined,
        product_snap_url: `https://www.aliexpress.com/snapshot/${item.child_id}.html?orderId=${order.order_id}`,
        memo: "",
        buyer_signer_first_name: order.buyer.first_name,
        buyer_signer_last_name: order.buyer.last_name,
        delivery_time: "7-15",
        freight_commit_day: "60",
        goods_prepare_time: 3,
        money_back3x: false,
        can_submit_issue: false,
        issue_status: "NO_ISSUE",
        issue_mode: "",
        fund_status: "PAY_SUCCESS",
        escrow_fee_rate: String(ESCROW_RATE),
        afflicate_fee_rate: "0.03",
      }))
    ),
  }
}

function dateField(source: Record<string, unknown>, name: string, prefix: string): number | undefined {
  const raw = source[name]
  if (raw === undefined || raw === null || raw === "") {
    return undefined
  }
  const ms = typeof raw === "string" ? parsePacific(raw) : undefined
  if (ms === undefined) {
    throw invalid(`${prefix}${name}`, "must be yyyy-MM-dd HH:mm:ss in US Pacific time")
  }
  return ms
}

function window(
  source: Record<string, unknown>,
  kind: "create" | "modified",
  prefix: string,
  now: number
): [number, number] | undefined {
  const start = dateField(source, `${kind}_date_start`, prefix)
  const end = dateField(source, `${kind}_date_end`, prefix)
  if (start === undefined && end === undefined) {
    return undefined
  }
  const from = start ?? (end as number) - MAX_WINDOW_MS
  const to = end ?? Math.max(now, from)
  if (to < from) {
    throw invalid(`${prefix}${kind}_date_end`, `must not be before ${kind}_date_start`)
  }
  if (to - from > MAX_WINDOW_MS) {
    throw invalid(`${prefix}${kind}_date_start`, `the ${kind} date window must not exceed 180 days`)
  }
  return [from, to]
}

function statusList(source: Record<string, unknown>, prefix: string): Set<string> | undefined {
  let raw = source.order_status_list ?? source.order_status
  if (raw === undefined || raw === null || raw === "") {
    return undefined
  }
  if (typeof raw === "string") {
    try {
      raw = raw.trim().startsWith("[") ? JSON.parse(raw) : raw.split(",")
    } catch {
      throw invalid(`${prefix}order_status_list`, "is not valid JSON")
    }
  }
  if (!Array.isArray(raw)) {
    throw invalid(`${prefix}order_status_list`, "must be a list of order statuses")
  }
  const statuses = raw.map((s) => String(s).trim()).filter(Boolean)
  for (const status of statuses) {
    if (!ORDER_STATUSES.includes(status)) {
      throw invalid(`${prefix}order_status_list`, `unknown order status ${status}`)
    }
  }
  return new Set(statuses)
}

function orderGet(ctx: MethodContext): Record<string, unknown> {
  const usesParam0 = ctx.params.param0 !== undefined && ctx.params.param0 !== ""
  const source = usesParam0 ? asObject(jsonParam(ctx, "param0"), "param0") : (ctx.params as Record<string, unknown>)
  const prefix = usesParam0 ? "param0." : ""
  const pageSize = intValue(source.page_size, `${prefix}page_size`, 1, 100)
  const currentPage = intValue(source.current_page, `${prefix}current_page`, 1, 1000000)
  if (pageSize === undefined) {
    throw invalid(`${prefix}page_size`, "is required")
  }
  if (currentPage === undefined) {
    throw invalid(`${prefix}current_page`, "is required")
  }
  const now = ctx.store.now()
  const created = window(source, "create", prefix, now)
  const modified = window(source, "modified", prefix, now)
  const statuses = statusList(source, prefix)
  const buyer = typeof source.buyer_login_id === "string" ? source.buyer_login_id : undefined

  const matching: OrderRecord[] = []
  for (const order of ctx.seller.orders.values()) {
    if (created && (order.gmt_create < created[0] || order.gmt_create > created[1])) continue
    if (modified && (order.gmt_update < modified[0] || order.gmt_update > modified[1])) continue
    if (statuses && !statuses.has(order.status)) continue
    if (buyer && order.buyer.login_id !== buyer) continue
    matching.push(order)
  }
  matching.sort((a, b) => b.gmt_create - a.gmt_create || (BigInt(b.order_id) > BigInt(a.order_id) ? 1 : -1))
  const page = matching.slice((currentPage - 1) * pageSize, currentPage * pageSize)
  return {
    result: {
      success: true,
      error_code: "",
      error_message: "",
      total_count: matching.length,
      total_page: Math.ceil(matching.length / pageSize),
      current_page: currentPage,
      page_size: pageSize,
      time_stamp: formatPacific(now),
      target_list: page.length ? wrap("order_dto", page.map((o) => orderDto(ctx, o))) : undefined,
    },
  }
}

export function findOrder(ctx: MethodContext, raw: unknown, field: string): OrderRecord {
  const orderId = idValue(raw, field)
  const order = ctx.seller.orders.get(orderId)
  if (!order) {
    throw notFound(SUB.orderNotFound, `${field}: order ${orderId} does not exist`)
  }
  return order
}

function orderInfoGet(ctx: MethodContext): Record<string, unknown> {
  const usesParam1 = ctx.params.param1 !== undefined && ctx.params.param1 !== ""
  const source = usesParam1 ? asObject(jsonParam(ctx, "param1"), "param1") : (ctx.params as Record<string, unknown>)
  const field = usesParam1 ? "param1.order_id" : "order_id"
  if (source.order_id === undefined || source.order_id === "") {
    throw invalid(field, "is required")
  }
  const order = findOrder(ctx, source.order_id, field)
  const c = order.currency
  const items = productCents(order)
  return {
    result: {
      success: true,
      data: {
        id: id(order.order_id),
        order_status: order.status,
        order_end_reason: order.end_reason,
        gmt_create: formatPacific(order.gmt_create),
        gmt_modified: formatPacific(order.gmt_update),
        gmt_pay_success: formatPacific(order.gmt_pay),
        logistics_status: logisticsStatus(order),
        fund_status: "PAY_SUCCESS",
        frozen_status: "NO_FROZEN",
        issue_status: "NO_ISSUE",
        order_amount: money(items + cents(order.shipping_amount), c),
        init_oder_amount: money(items + cents(order.shipping_amount), c),
        logistics_amount: money(cents(order.shipping_amount), c),
        buyer_login_id: order.buyer.login_id,
        buyer_info: {
          login_id: order.buyer.login_id,
          first_name: order.buyer.first_name,
          last_name: order.buyer.last_name,
          country: order.buyer.country,
          email: order.buyer.email,
        },
        receipt_address: {
          contact_person: order.address.contact_person,
          address: order.address.address,
          address2: order.address.address2,
          detail_address: order.address.address,
          city: order.address.city,
          province: order.address.province,
          country: order.address.country,
          zip: order.address.zip,
          phone_country: order.address.country === "US" ? "+1" : undefined,
          phone_number: order.address.phone_number,
          mobile_no: order.address.phone_number,
        },
        seller_operator_login_id: ctx.seller.account.user_nick,
        seller_signer_fullname: ctx.seller.account.shop_name,
        child_order_list: wrap(
          "global_aeop_tp_child_order_dto",
          order.items.map((item) => ({
            id: id(item.child_id),
            child_order_id: id(item.child_id),
            product_id: id(item.product_id),
            sku_code: item.sku_code,
            product_name: item.product_name,
            product_count: item.quantity,
            product_price: money(cents(item.unit_price), c),
            product_attributes: JSON.stringify(
              Object.fromEntries(item.attributes.map((a) => [a.name, a.value]))
            ),
            order_status: order.status,
          }))
        ),
        logistic_info_list: order.shipments.length
          ? wrap(
              "global_aeop_tp_logistic_info_dto",
              order.shipments.map((s) => ({
                logistics_no: s.logistics_no,
                logistics_service_name: s.service_name,
                logistics_type_code: s.service_name,
                gmt_send: formatPacific(s.gmt_send),
                receive_status: order.status === "FINISH" ? "received" : "not_received",
              }))
            )
          : undefined,
      },
    },
  }
}

/** Dialling codes and English names of the countries the demo buyers live in. */
const COUNTRIES: Record<string, { name: string; dial: string }> = {
  US: { name: "United States", dial: "1" },
  ES: { name: "Spain", dial: "34" },
  FR: { name: "France", dial: "33" },
  DE: { name: "Germany", dial: "49" },
  GB: { name: "United Kingdom", dial: "44" },
  RU: { name: "Russian Federation", dial: "7" },
}

/** The buyer's shipping address alone (`param1.order_id`, or a flat `order_id`). */
function receiptInfoGet(ctx: MethodContext): Record<string, unknown> {
  const usesParam1 = ctx.params.param1 !== undefined && ctx.params.param1 !== ""
  const source = usesParam1 ? asObject(jsonParam(ctx, "param1"), "param1") : (ctx.params as Record<string, unknown>)
  const field = usesParam1 ? "param1.order_id" : "order_id"
  if (source.order_id === undefined || source.order_id === "") {
    throw invalid(field, "is required")
  }
  const a = findOrder(ctx, source.order_id, field).address
  const country = COUNTRIES[a.country]
  return {
    result: {
      contact_person: a.contact_person,
      address: a.address,
      address2: a.address2 ?? "",
      detail_address: [a.address, a.address2].filter(Boolean).join(", "),
      city: a.city,
      province: a.province,
      country: a.country,
      country_name: country?.name ?? a.country,
      zip: a.zip,
      phone_country: country?.dial ?? "",
      phone_area: "",
      phone_number: a.phone_number,
      mobile_no: a.phone_number,
      fax_country: "",
      fax_area: "",
      fax_number: "",
    },
  }
}

export const orderMethods: Record<string, MethodDef> = {
  "aliexpress.solution.order.get": { handler: orderGet },
  "aliexpress.solution.order.info.get": { handler: orderInfoGet },
  "aliexpress.solution.order.receiptinfo.get": { handler: receiptInfoGet },
}
