import { type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../utils/validate-request"
import {
  AdminImportAliExpressOrders,
  AdminListAliExpressOrders,
  AdminRetryAliExpressOrder,
  AdminUploadTracking,
} from "./validators"
import { AdminListAliExpressShipments, AdminRetryAliExpressShipment } from "../shipments/validators"

export const aliexpressOrderRoutes: MiddlewareRoute[] = [
  {
    matcher: "/admin/aliexpress/orders",
    method: "GET",
    middlewares: [validateQuery(AdminListAliExpressOrders)],
  },
  {
    matcher: "/admin/aliexpress/orders/import",
    method: "POST",
    middlewares: [validateBody(AdminImportAliExpressOrders)],
  },
  {
    matcher: "/admin/aliexpress/orders/tracking-upload",
    method: "POST",
    bodyParser: { sizeLimit: "1mb" },
    middlewares: [validateBody(AdminUploadTracking)],
  },
  {
    matcher: "/admin/aliexpress/orders/:id/retry",
    method: "POST",
    middlewares: [validateBody(AdminRetryAliExpressOrder)],
  },
  {
    matcher: "/admin/aliexpress/shipments",
    method: "GET",
    middlewares: [validateQuery(AdminListAliExpressShipments)],
  },
  {
    matcher: "/admin/aliexpress/shipments/:id/retry",
    method: "POST",
    middlewares: [validateBody(AdminRetryAliExpressShipment)],
  },
]
