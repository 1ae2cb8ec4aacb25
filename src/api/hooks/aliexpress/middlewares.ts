import type { MiddlewareRoute } from "@medusajs/framework/http"
import { PUSH_MAX_BYTES } from "../../../lib/orders/constants"

/** The signature covers the exact bytes sent, so the route needs the raw body; larger bodies get 413. */
export const aliexpressPushHookRoutes: MiddlewareRoute[] = [
  {
    matcher: "/hooks/aliexpress/push",
    method: "POST",
    bodyParser: { preserveRawBody: true, sizeLimit: PUSH_MAX_BYTES },
    middlewares: [],
  },
]
