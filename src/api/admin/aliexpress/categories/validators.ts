import { z } from "zod"

export const AdminListAliExpressCategories = z.strictObject({
  parent_id: z.string().trim().regex(/^\d+$/, { error: "parent_id must be a category id (digits; 0 = the top level)" }).default("0"),
})
export type AdminListAliExpressCategoriesType = z.infer<typeof AdminListAliExpressCategories>
