/** A gateway-level refusal: `{"error_response":{"type","code","msg"}}` (root fields on /rest). */
export class GatewayError extends Error {
  constructor(readonly code: string, message: string, readonly type: "ISV" | "ISP" | "SYSTEM" = "ISV") {
    super(message)
  }
}

/** A business refusal: `{"error_response":{"code":15,"msg":"Remote service error","sub_code","sub_msg"}}`. */
export class BusinessError extends Error {
  constructor(readonly subCode: string, message: string) {
    super(message)
  }
}

/** Sub-codes the sandbox answers with. */
export const SUB = {
  schema: "F00-00-10020-002",
  duplicateSku: "F00-00-10007-007",
  invalidParameter: "isv.invalid-parameter",
  productNotFound: "isv.product-not-exist",
  productInAudit: "isv.product-in-audit",
  productStatus: "isv.product-status-not-allowed",
  skuNotFound: "isv.sku-not-exist",
  orderNotFound: "isv.order-not-exist",
  orderStatus: "isv.order-status-not-allowed",
  logisticsService: "isv.logistics-service-not-exist",
  trackingNumber: "isv.logistics-no-invalid",
  trackingWebsite: "isv.tracking-website-required",
  shipmentNotFound: "isv.shipment-not-exist",
  feedJobNotFound: "isv.job-not-exist",
  imageFormat: "isv.image-format-not-supported",
  imageSize: "isv.image-size-exceeded",
  system: "isp.50001",
} as const

export const missing = (name: string): GatewayError =>
  new GatewayError(
    "MissingParameter",
    `The input parameter “${name}” that is mandatory for processing this request is not supplied.`
  )

export const invalid = (field: string, problem: string): BusinessError =>
  new BusinessError(SUB.invalidParameter, `${field}: ${problem}`)
