import { type MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../../utils/validate-request"
import { AdminGetAliExpressActivity } from "./validators"
import { AdminListAliExpressSources } from "../sources/validators"

/** The overview's activity charts and the mapping editor's catalogue sources: read-only insight routes. */
export const insightRoutes: MiddlewareRoute[] = [
  {
    matcher: "/admin/aliexpress/activity",
    method: "GET",
    middlewares: [validateQuery(AdminGetAliExpressActivity)],
  },
  {
    matcher: "/admin/aliexpress/sources",
    method: "GET",
    middlewares: [validateQuery(AdminListAliExpressSources)],
  },
]
