import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import {
  AdminAliExpressOAuthCallback,
  AdminDisconnectAliExpress,
  AdminStartAliExpressOAuth,
} from "./validators"

export const oauthRoutes: MiddlewareRoute[] = [
  {
    matcher: "/admin/aliexpress/oauth/start",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminStartAliExpressOAuth)],
  },
  {
    matcher: "/admin/aliexpress/oauth/callback",
    method: "GET",
    middlewares: [validateAndTransformQuery(AdminAliExpressOAuthCallback, {})],
  },
  {
    matcher: "/admin/aliexpress/disconnect",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminDisconnectAliExpress)],
  },
]
