import { z } from "zod"

export const AdminListAliExpressSources = z.strictObject({
  /** products sampled for examples: a picker needs a few hundred at most, never the catalogue */
  sample: z.coerce
    .number({ error: "sample must be a number" })
    .int({ error: "sample must be a whole number" })
    .min(1, { error: "sample must be at least 1" })
    .max(500, { error: "sample must be at most 500" })
    .default(200),
})
export type AdminListAliExpressSourcesType = z.infer<typeof AdminListAliExpressSources>
