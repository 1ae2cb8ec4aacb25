import { defineMiddlewares } from "@medusajs/framework/http"
import { validateBody } from "./utils/validate-body"
import { AdminSaveAliExpressSettings } from "./admin/aliexpress/settings/validators"
import { oauthRoutes } from "./admin/aliexpress/oauth/middlewares"

export default defineMiddlewares({
  routes: [
    ...oauthRoutes,
    {
      matcher: "/admin/aliexpress/settings",
      method: "POST",
      middlewares: [validateBody(AdminSaveAliExpressSettings)],
    },
  ],
})
