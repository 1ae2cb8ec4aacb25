import { z } from "zod"
import { attributeMappingsSchema, mappingTemplateSchema } from "../../../../lib/mapping"

export const AdminCreateAliExpressTemplate = mappingTemplateSchema.extend({ is_default: z.boolean().optional() })
export type AdminCreateAliExpressTemplateType = z.infer<typeof AdminCreateAliExpressTemplate>

export const AdminUpdateAliExpressTemplate = z.strictObject({
  name: mappingTemplateSchema.shape.name.optional(),
  fields: mappingTemplateSchema.shape.fields.optional(),
  attributes: attributeMappingsSchema.optional(),
  settings: mappingTemplateSchema.shape.settings.optional(),
  is_default: z.boolean().optional(),
})
export type AdminUpdateAliExpressTemplateType = z.infer<typeof AdminUpdateAliExpressTemplate>
