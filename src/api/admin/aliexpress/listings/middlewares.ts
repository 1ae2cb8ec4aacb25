import { type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../utils/validate-request"
import { AdminCreateAliExpressTemplate, AdminUpdateAliExpressTemplate } from "../templates/validators"
import { AdminCreateAliExpressLookupList, AdminUpdateAliExpressLookupList } from "../lookup-lists/validators"
import { AdminPreviewAliExpressListing } from "../preview/validators"
import { AdminSyncAliExpressListings } from "../sync/validators"
import { AdminListAliExpressCategories } from "../categories/validators"
import { AdminGetCategoryAttributes } from "../categories/[id]/attributes/validators"
import { AdminBindAliExpressListing, AdminListAliExpressListings } from "./validators"

/** Validation of the listing routes: templates, lookup lists, preview, listings, sync, reference data. */
export const listingsRoutes: MiddlewareRoute[] = [
  { matcher: "/admin/aliexpress/templates", method: "POST", middlewares: [validateBody(AdminCreateAliExpressTemplate)] },
  { matcher: "/admin/aliexpress/templates/:id", method: "POST", middlewares: [validateBody(AdminUpdateAliExpressTemplate)] },
  { matcher: "/admin/aliexpress/lookup-lists", method: "POST", middlewares: [validateBody(AdminCreateAliExpressLookupList)] },
  { matcher: "/admin/aliexpress/lookup-lists/:id", method: "POST", middlewares: [validateBody(AdminUpdateAliExpressLookupList)] },
  { matcher: "/admin/aliexpress/preview", method: "POST", middlewares: [validateBody(AdminPreviewAliExpressListing)] },
  { matcher: "/admin/aliexpress/sync", method: "POST", middlewares: [validateBody(AdminSyncAliExpressListings)] },
  {
    matcher: "/admin/aliexpress/listings",
    method: "GET",
    middlewares: [validateQuery(AdminListAliExpressListings)],
  },
  {
    matcher: "/admin/aliexpress/listings/unmatched/:ae_product_id/bind",
    method: "POST",
    middlewares: [validateBody(AdminBindAliExpressListing)],
  },
  {
    matcher: "/admin/aliexpress/categories",
    method: "GET",
    middlewares: [validateQuery(AdminListAliExpressCategories)],
  },
  {
    matcher: "/admin/aliexpress/categories/:id/attributes",
    method: "GET",
    middlewares: [validateQuery(AdminGetCategoryAttributes)],
  },
]
