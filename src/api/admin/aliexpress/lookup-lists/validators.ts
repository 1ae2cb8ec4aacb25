import { z } from "zod"

const entry = z.strictObject({
  from: z.string().trim().min(1, { error: "from must not be empty" }).max(500),
  to: z.string().trim().min(1, { error: "to must not be empty" }).max(500),
})

export const AdminCreateAliExpressLookupList = z.strictObject({
  name: z.string().trim().min(1, { error: "name must not be empty" }).max(100),
  description: z.string().max(1000).nullish(),
  entries: z.array(entry).max(10000),
})
export type AdminCreateAliExpressLookupListType = z.infer<typeof AdminCreateAliExpressLookupList>

export const AdminUpdateAliExpressLookupList = AdminCreateAliExpressLookupList.partial()
export type AdminUpdateAliExpressLookupListType = z.infer<typeof AdminUpdateAliExpressLookupList>
