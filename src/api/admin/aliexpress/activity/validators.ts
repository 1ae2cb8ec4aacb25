import { z } from "zod"

export const AdminGetAliExpressActivity = z.strictObject({
  days: z.coerce
    .number({ error: "days must be a number" })
    .int({ error: "days must be a whole number" })
    .min(1, { error: "days must be at least 1" })
    .max(90, { error: "days must be at most 90" })
    .default(30),
})
export type AdminGetAliExpressActivityType = z.infer<typeof AdminGetAliExpressActivity>
