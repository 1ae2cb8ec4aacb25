import { z } from "zod"
import { LISTING_STATUSES } from "../../../../modules/aliexpress/models/listing"

const bool = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")])

export const AdminListAliExpressListings = z.strictObject({
  status: z.union([z.enum(LISTING_STATUSES), z.array(z.enum(LISTING_STATUSES))]).optional(),
  has_problems: bool.optional(),
  q: z.string().trim().max(200).optional(),
  /** listings a category attribute keeps back: "true" for any, or an attribute name */
  missing_attribute: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})
export type AdminListAliExpressListingsType = z.infer<typeof AdminListAliExpressListings>

export const AdminBindAliExpressListing = z.strictObject({
  product_id: z.string().trim().min(1, { error: "product_id is required" }),
})
export type AdminBindAliExpressListingType = z.infer<typeof AdminBindAliExpressListing>
