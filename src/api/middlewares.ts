import { defineMiddlewares } from "@medusajs/framework/http"
import { validateBody } from "./utils/validate-request"
import { AdminSaveAliExpressSettings } from "./admin/aliexpress/settings/validators"
import { oauthRoutes } from "./admin/aliexpress/oauth/middlewares"
import { listingsRoutes } from "./admin/aliexpress/listings/middlewares"
import { aliexpressOrderRoutes } from "./admin/aliexpress/orders/middlewares"
import { aliexpressPushHookRoutes } from "./hooks/aliexpress/middlewares"
import { insightRoutes } from "./admin/aliexpress/activity/middlewares"
import { accountRoutes } from "./admin/aliexpress/accounts/middlewares"

export default defineMiddlewares({
  routes: [
    ...oauthRoutes,
    ...listingsRoutes,
    ...aliexpressOrderRoutes,
    ...aliexpressPushHookRoutes,
    ...insightRoutes,
    ...accountRoutes,
    {
      matcher: "/admin/aliexpress/settings",
      method: "POST",
      middlewares: [validateBody(AdminSaveAliExpressSettings)],
    },
  ],
})
