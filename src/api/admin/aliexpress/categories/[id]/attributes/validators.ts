import { z } from "zod"

const flag = (name: string) =>
  z.enum(["true", "false"], { error: `${name} must be true or false` }).optional().transform((v) => v === "true")

export const AdminGetCategoryAttributes = z.strictObject({
  refresh: flag("refresh"),
  values: flag("values"),
})
export type AdminGetCategoryAttributesType = z.infer<typeof AdminGetCategoryAttributes>

export const CategoryIdParam = z.string().regex(/^\d+$/, { error: "id must be an AliExpress category id (digits)" })
