import { z } from "zod"

export const AdminSyncAliExpressListings = z.strictObject({
  product_ids: z.array(z.string().trim().min(1)).min(1).max(1000).optional(),
})
export type AdminSyncAliExpressListingsType = z.infer<typeof AdminSyncAliExpressListings>
