import { logisticsServicesSchema, shipmentResultSchema } from "../schemas"
import type { FulfillOrderInput, LogisticsService, ModifyShipmentInput } from "../types"
import { invalidArgument, parsePayload, type Caller } from "./caller"

const MAX_DESCRIPTION = 512

export async function listLogisticsServices(call: Caller): Promise<LogisticsService[]> {
  const method = "aliexpress.logistics.redefining.listlogisticsservice"
  const payload = parsePayload(logisticsServicesSchema, await call(method, {}, { idempotent: true }), method)
  return payload.result_list.map((service) => ({
    serviceName: service.service_name,
    displayName: service.display_name,
    company: service.logistics_company,
    trackingRegex: service.tracking_no_regex,
    minProcessDay: service.min_process_day,
    maxProcessDay: service.max_process_day,
  }))
}

function shipmentSucceeded(payload: unknown, method: string): boolean {
  const parsed = parsePayload(shipmentResultSchema, payload, method)
  return parsed.result?.result_success ?? parsed.result_success ?? true
}

/**
 * Declares an order (or part of it) shipped. Not idempotent: after an ambiguous failure read the
 * order's logistics info before sending it again.
 */
export async function fulfillOrder(call: Caller, input: FulfillOrderInput): Promise<{ success: boolean }> {
  const method = "aliexpress.solution.order.fulfill"
  if (input.description && input.description.length > MAX_DESCRIPTION) {
    throw invalidArgument(method, `description is longer than ${MAX_DESCRIPTION} characters`)
  }
  const params = {
    service_name: input.serviceName,
    out_ref: input.orderId,
    send_type: input.sendType,
    logistics_no: input.trackingNumber,
    tracking_website: input.trackingWebsite,
    description: input.description,
  }
  return { success: shipmentSucceeded(await call(method, params), method) }
}

/** Replaces the carrier and tracking number of a shipment already declared. */
export async function modifyShipment(call: Caller, input: ModifyShipmentInput): Promise<{ success: boolean }> {
  const method = "aliexpress.logistics.sellermodifiedshipmentfortop"
  const params = {
    old_service_name: input.oldServiceName,
    old_logistics_no: input.oldTrackingNumber,
    new_service_name: input.newServiceName,
    new_logistics_no: input.newTrackingNumber,
    send_type: input.sendType,
    out_ref: input.orderId,
    tracking_website: input.trackingWebsite,
    description: input.description,
  }
  return { success: shipmentSucceeded(await call(method, params), method) }
}
