import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../utils/validate-request"
import {
  AdminAliExpressOAuthCallback,
  AdminDisconnectAliExpress,
  AdminStartAliExpressOAuth,
} from "./validators"

export const oauthRoutes: MiddlewareRoute[] = [
  {
    matcher: "/admin/aliexpress/oauth/start",
    method: "POST",
    middlewares: [validateBody(AdminStartAliExpressOAuth)],
  },
  {
    matcher: "/admin/aliexpress/oauth/callback",
    method: "GET",
    middlewares: [validateQuery(AdminAliExpressOAuthCallback, { allowUnknown: true })],
  },
  {
    matcher: "/admin/aliexpress/disconnect",
    method: "POST",
    middlewares: [validateBody(AdminDisconnectAliExpress)],
  },
]
