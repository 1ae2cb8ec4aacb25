import { formatPacificTime, parsePacificTime } from "../pacific-time"
import { orderDetailSchema, orderInfoSchema, orderListSchema, receiptInfoSchema } from "../schemas"
import type { OrderAddress, OrderDetail, OrderListQuery, OrderPage, OrderSummary } from "../types"
import { invalidArgument, parsePayload, type Caller } from "./caller"
import { toMoney } from "./money"

const READ = { idempotent: true } as const

function pacific(date: Date | undefined): string | undefined {
  return date ? formatPacificTime(date) : undefined
}

function toDate(value: string | undefined): Date | undefined {
  if (!value) {
    return undefined
  }
  try {
    return parsePacificTime(value)
  } catch {
    return undefined
  }
}

export async function listOrders(call: Caller, query: OrderListQuery = {}): Promise<OrderPage> {
  const method = "aliexpress.solution.order.get"
  const page = query.page ?? 1
  const pageSize = query.pageSize ?? 50
  if (pageSize < 1) {
    throw invalidArgument(method, "pageSize must be at least 1")
  }
  const params = {
    param0: {
      create_date_start: pacific(query.createdFrom),
      create_date_end: pacific(query.createdTo),
      modified_date_start: pacific(query.modifiedFrom),
      modified_date_end: pacific(query.modifiedTo),
      order_status_list: query.statuses?.length ? query.statuses : undefined,
      page_size: pageSize,
      current_page: page,
    },
  }
  const { result } = parsePayload(orderListSchema, await call(method, params, READ), method)
  const orders: OrderSummary[] = result.target_list.map((order) => ({
    orderId: order.order_id,
    status: order.order_status,
    endReason: endReasonOf(order),
    gmtCreate: toDate(order.gmt_create),
    gmtUpdate: toDate(order.gmt_update),
    payAmount: toMoney(order.pay_amount),
    buyerLoginId: order.buyer_login_id,
    buyerName: order.buyer_signer_fullname,
    timeoutLeftMs: order.timeout_left_time,
    items: order.product_list.map((item) => ({
      childId: item.child_id,
      productId: item.product_id,
      skuCode: item.sku_code,
      productName: item.product_name,
      quantity: item.product_count ?? 0,
      unitPrice: toMoney(item.product_unit_price),
      logisticsServiceName: item.logistics_service_name,
    })),
  }))
  return {
    total: result.total_count ?? orders.length,
    totalPages: result.total_page ?? (orders.length ? page : 0),
    page: result.current_page ?? page,
    orders,
  }
}

export async function* iterateOrders(call: Caller, query: OrderListQuery = {}): AsyncGenerator<OrderSummary> {
  for (let page = query.page ?? 1; ; page++) {
    const result = await listOrders(call, { ...query, page })
    yield* result.orders
    if (result.orders.length === 0 || page >= result.totalPages) {
      return
    }
  }
}

function text(value: unknown): string | undefined {
  return value === undefined || value === null || value === "" ? undefined : String(value)
}

export async function getOrder(call: Caller, orderId: string): Promise<OrderDetail> {
  const method = "aliexpress.solution.order.info.get"
  const { result } = parsePayload(orderInfoSchema, await call(method, { param1: { order_id: orderId } }, READ), method)
  const order = result.data ?? parsePayload(orderDetailSchema, result, method)
  const address = order.receipt_address ?? {}
  return {
    orderId: order.id ?? order.order_id ?? orderId,
    status: order.order_status,
    endReason: endReasonOf(order),
    gmtCreate: toDate(order.gmt_create),
    orderAmount: toMoney(order.order_amount),
    logisticsAmount: toMoney(order.logistics_amount),
    buyer: {
      loginId: order.buyer_info?.login_id,
      firstName: order.buyer_info?.first_name,
      lastName: order.buyer_info?.last_name,
      country: order.buyer_info?.country,
    },
    shippingAddress: {
      contactPerson: text(address.contact_person),
      address: text(address.address),
      address2: text(address.address2),
      city: text(address.city),
      province: text(address.province),
      country: text(address.country),
      zip: text(address.zip),
      phoneCountry: text(address.phone_country),
      phoneNumber: text(address.phone_number),
      mobileNo: text(address.mobile_no),
    },
    items: order.child_order_list.map((item) => ({
      childOrderId: item.child_order_id ?? item.id,
      productId: item.product_id,
      skuCode: item.sku_code,
      productName: item.product_name,
      quantity: item.product_count ?? 0,
      unitPrice: toMoney(item.product_price),
    })),
    shipments: order.logistic_info_list.map((shipment) => ({
      trackingNumber: shipment.logistics_no,
      serviceName: shipment.logistics_service_name,
      sentAt: toDate(shipment.gmt_send),
    })),
  }
}

/** Why a finished order ended (a buyer confirmation or a cancellation): both spellings are seen. */
function endReasonOf(order: object): string | undefined {
  const raw = order as { end_reason?: unknown; order_end_reason?: unknown }
  const reason = raw.end_reason ?? raw.order_end_reason
  return typeof reason === "string" && reason ? reason : undefined
}

/** The buyer's shipping address alone (order.receiptinfo.get). */
export async function getReceiptInfo(call: Caller, orderId: string): Promise<OrderAddress> {
  const method = "aliexpress.solution.order.receiptinfo.get"
  const { result } = parsePayload(receiptInfoSchema, await call(method, { param1: { order_id: orderId } }, READ), method)
  return {
    contactPerson: text(result.contact_person),
    address: text(result.address),
    address2: text(result.address2),
    city: text(result.city),
    province: text(result.province),
    country: text(result.country),
    zip: text(result.zip),
    phoneCountry: text(result.phone_country),
    phoneNumber: text(result.phone_number),
    mobileNo: text(result.mobile_no),
  }
}
