import { defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminSaveAliExpressSettings } from "./admin/aliexpress/settings/validators"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/admin/aliexpress/settings",
      method: "POST",
      middlewares: [validateAndTransformBody(AdminSaveAliExpressSettings)],
    },
  ],
})
