import { MethodContext, MethodDef, requireParam } from "../context"
import { BusinessError, SUB, invalid } from "../errors"
import { wrap } from "../json"
import { LOGISTICS_SERVICES, LogisticsService } from "../seed"
import { Shipment } from "../store"
import { findOrder } from "./orders"

const regexCache = new Map<string, RegExp>()

function carrier(name: string, field: string): LogisticsService {
  const service = LOGISTICS_SERVICES.find((s) => s.service_name === name)
  if (!service) {
    throw new BusinessError(SUB.logisticsService, `${field}: logistics service ${name} does not exist`)
  }
  return service
}

function checkTracking(service: LogisticsService, number: string, website: string | undefined, fields: [string, string]): void {
  let regex = regexCache.get(service.tracking_no_regex)
  if (!regex) {
    regex = new RegExp(service.tracking_no_regex)
    regexCache.set(service.tracking_no_regex, regex)
  }
  if (!regex.test(number)) {
    throw new BusinessError(
      SUB.trackingNumber,
      `${fields[0]}: ${number} does not match the tracking number format of ${service.service_name}`
    )
  }
  if (service.requires_website || service.service_name.startsWith("OTHER_")) {
    if (!website) {
      throw new BusinessError(SUB.trackingWebsite, `${fields[1]}: is required for ${service.service_name}`)
    }
    if (!/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(website)) {
      throw invalid(fields[1], "must be an http(s) URL")
    }
  }
}

function sendType(ctx: MethodContext): "all" | "part" {
  const value = requireParam(ctx, "send_type")
  if (value !== "all" && value !== "part") {
    throw invalid("send_type", "must be all or part")
  }
  return value
}

function listServices(): Record<string, unknown> {
  return {
    result_success: true,
    error_desc: "",
    result_list: wrap(
      "aeop_logistics_service_result",
      LOGISTICS_SERVICES.map(({ requires_website, ...service }) => service)
    ),
  }
}

function fulfill(ctx: MethodContext): Record<string, unknown> {
  const type = sendType(ctx)
  const serviceName = requireParam(ctx, "service_name")
  const number = requireParam(ctx, "logistics_no").trim()
  const website = ctx.params.tracking_website?.trim() || undefined
  const description = ctx.params.description
  if (description && description.length > 512) {
    throw invalid("description", "must be at most 512 characters")
  }
  const order = findOrder(ctx, requireParam(ctx, "out_ref"), "out_ref")
  if (order.status !== "WAIT_SELLER_SEND_GOODS" && order.status !== "SELLER_PART_SEND_GOODS") {
    throw new BusinessError(SUB.orderStatus, `out_ref: order ${order.order_id} cannot be shipped in status ${order.status}`)
  }
  const service = carrier(serviceName, "service_name")
  checkTracking(service, number, website, ["logistics_no", "tracking_website"])
  if (order.shipments.some((s) => s.service_name === serviceName && s.logistics_no === number)) {
    throw invalid("logistics_no", `${number} is already declared on order ${order.order_id}`)
  }
  const shipment: Shipment = {
    service_name: serviceName,
    logistics_no: number,
    send_type: type,
    tracking_website: website,
    description,
    gmt_send: ctx.store.now(),
  }
  order.shipments.push(shipment)
  ctx.seller.setOrderStatus(order, type === "all" ? "WAIT_BUYER_ACCEPT_GOODS" : "SELLER_PART_SEND_GOODS")
  return { result: { result_success: true } }
}

function modifyShipment(ctx: MethodContext): Record<string, unknown> {
  const type = sendType(ctx)
  const oldService = requireParam(ctx, "old_service_name")
  const oldNumber = requireParam(ctx, "old_logistics_no").trim()
  const newService = requireParam(ctx, "new_service_name")
  const newNumber = requireParam(ctx, "new_logistics_no").trim()
  const website = ctx.params.tracking_website?.trim() || undefined
  const order = findOrder(ctx, requireParam(ctx, "out_ref"), "out_ref")
  if (order.status !== "SELLER_PART_SEND_GOODS" && order.status !== "WAIT_BUYER_ACCEPT_GOODS") {
    throw new BusinessError(
      SUB.orderStatus,
      `out_ref: the shipment of order ${order.order_id} cannot be changed in status ${order.status}`
    )
  }
  const shipment = order.shipments.find((s) => s.service_name === oldService && s.logistics_no === oldNumber)
  if (!shipment) {
    throw new BusinessError(
      SUB.shipmentNotFound,
      `old_logistics_no: no shipment ${oldService} ${oldNumber} on order ${order.order_id}`
    )
  }
  const service = carrier(newService, "new_service_name")
  checkTracking(service, newNumber, website, ["new_logistics_no", "tracking_website"])
  const last = order.status
  shipment.service_name = newService
  shipment.logistics_no = newNumber
  shipment.send_type = type
  shipment.tracking_website = website
  shipment.description = ctx.params.description || shipment.description
  if (type === "all" && order.status === "SELLER_PART_SEND_GOODS") {
    ctx.seller.setOrderStatus(order, "WAIT_BUYER_ACCEPT_GOODS")
  } else {
    ctx.seller.touchOrder(order, last)
  }
  return { result: { result_success: true } }
}

export const logisticsMethods: Record<string, MethodDef> = {
  "aliexpress.logistics.redefining.listlogisticsservice": { handler: listServices },
  "aliexpress.solution.order.fulfill": {
    required: ["service_name", "out_ref", "send_type", "logistics_no"],
    handler: fulfill,
  },
  "aliexpress.logistics.sellermodifiedshipmentfortop": {
    required: ["old_service_name", "old_logistics_no", "new_service_name", "new_logistics_no", "send_type", "out_ref"],
    handler: modifyShipment,
  },
}
