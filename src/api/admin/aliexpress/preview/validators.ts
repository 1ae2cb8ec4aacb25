import { z } from "zod"
import { mappingTemplateSchema } from "../../../../lib/mapping"

export const AdminPreviewAliExpressListing = z.strictObject({
  product_id: z.string().trim().min(1, { error: "product_id is required" }),
  template: mappingTemplateSchema.optional(),
})
export type AdminPreviewAliExpressListingType = z.infer<typeof AdminPreviewAliExpressListing>
