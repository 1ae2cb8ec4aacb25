import { type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../utils/validate-request"
import { AdminCreateAliExpressAccount, AdminUpdateAliExpressAccount } from "./validators"

/** Validation of the accounts routes. */
export const accountRoutes: MiddlewareRoute[] = [
  { matcher: "/admin/aliexpress/accounts", method: "POST", middlewares: [validateBody(AdminCreateAliExpressAccount)] },
  { matcher: "/admin/aliexpress/accounts/:id", method: "POST", middlewares: [validateBody(AdminUpdateAliExpressAccount)] },
]
