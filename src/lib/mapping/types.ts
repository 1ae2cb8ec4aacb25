import { z } from "zod"
import { isKnownPath } from "./paths"

/** A Medusa product as read by `query.graph` for listing. */
export type SourceProduct = {
  id: string
  title: string
  subtitle?: string | null
  description?: string | null
  handle: string
  material?: string | null
  /** grams by default (see `weight_unit`) */
  weight?: number | null
  /** centimetres by default (see `dimension_unit`) */
  length?: number | null
  width?: number | null
  height?: number | null
  origin_country?: string | null
  hs_code?: string | null
  thumbnail?: string | null
  status?: string | null
  images: { url: string }[]
  tags: { value: string }[]
  type?: { value: string } | null
  collection?: { title: string; handle: string } | null
  categories: { id: string; name: string; handle: string }[]
  metadata?: Record<string, unknown> | null
  options: { title: string; values: { value: string }[] }[]
  variants: SourceVariant[]
}

export type SourceVariant = {
  id: string
  sku?: string | null
  title: string
  barcode?: string | null
  weight?: number | null
  length?: number | null
  width?: number | null
  height?: number | null
  material?: string | null
  options: { value: string; option?: { title: string } | null }[]
  prices: { amount: number; currency_code: string }[]
  metadata?: Record<string, unknown> | null
  manage_inventory?: boolean | null
  allow_backorder?: boolean | null
}

export const FIELD_KEYS = [
  "category_id",
  "subject",
  "description",
  "mobile_description",
  "keywords",
  "photo_1",
  "photo_2",
  "photo_3",
  "photo_4",
  "photo_5",
  "photo_6",
  "retail_price",
  "lot_size",
  "unit_type",
  "package_length",
  "package_width",
  "package_height",
  "weight",
  "delivery_time",
  "freight_template_id",
  "service_template_id",
  "brand",
] as const

export type FieldKey = (typeof FIELD_KEYS)[number]

const scalar = z.union([z.string(), z.number()])

const nonEmpty = (what: string) =>
  z.string().trim().min(1, { error: `${what} must not be empty` })

const attributePath = nonEmpty("path").refine(isKnownPath, {
  error: (issue) => `unknown attribute path "${String(issue.input)}"`,
})

const PLACEHOLDER = /\{([^{}]+)\}/g

const templateText = nonEmpty("template").superRefine((text, ctx) => {
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (!isKnownPath(m[1].trim())) {
      ctx.addIssue({ code: "custom", message: `unknown placeholder {${m[1]}}` })
    }
  }
})

export const attributeSourceSchema = z.strictObject({
  source: z.literal("attribute"),
  path: attributePath,
})

export const constantSourceSchema = z.strictObject({
  source: z.literal("constant"),
  value: scalar,
})

export const templateSourceSchema = z.strictObject({
  source: z.literal("template"),
  template: templateText,
})

export const RULE_OPERATORS = [
  "equals",
  "not_equals",
  "contains",
  "in",
  "gt",
  "lt",
  "exists",
  "not_exists",
] as const

export type RuleOperator = (typeof RULE_OPERATORS)[number]

export const ruleConditionSchema = z
  .strictObject({
    path: attributePath,
    op: z.enum(RULE_OPERATORS, {
      error: `op must be one of ${RULE_OPERATORS.join(", ")}`,
    }),
    value: z.union([scalar, z.array(scalar)]).optional(),
  })
  .superRefine((cond, ctx) => {
    const needsValue = cond.op !== "exists" && cond.op !== "not_exists"
    if (needsValue && cond.value === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: `op "${cond.op}" needs a value`,
      })
    }
    if (cond.op === "in" && cond.value !== undefined && !Array.isArray(cond.value)) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: `op "in" needs a list of values`,
      })
    }
    if ((cond.op === "gt" || cond.op === "lt") && typeof cond.value !== "number") {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: `op "${cond.op}" needs a number`,
      })
    }
  })

export const ruleSourceSchema = z.strictObject({
  source: z.literal("rule"),
  rules: z.array(
    z.strictObject({
      when: ruleConditionSchema,
      /** strings may contain `{placeholders}` as in template sources */
      value: z.union([templateText, z.number()]),
    })
  ),
  default: z.union([templateText, z.number()]).optional(),
})

export const lookupSourceSchema = z
  .strictObject({
    source: z.literal("lookup"),
    list: nonEmpty("list"),
    path: attributePath,
    on_miss: z.enum(["default", "problem"], {
      error: `on_miss must be "default" or "problem"`,
    }),
    default: scalar.optional(),
  })
  .superRefine((src, ctx) => {
    if (src.on_miss === "default" && src.default === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["default"],
        message: `on_miss "default" needs a default value`,
      })
    }
  })

export const fieldSourceSchema = z.discriminatedUnion(
  "source",
  [
    attributeSourceSchema,
    constantSourceSchema,
    templateSourceSchema,
    ruleSourceSchema,
    lookupSourceSchema,
  ],
  { error: `source must be one of attribute, constant, template, rule, lookup` }
)

export type AttributeSource = z.infer<typeof attributeSourceSchema>
export type ConstantSource = z.infer<typeof constantSourceSchema>
export type TemplateSource = z.infer<typeof templateSourceSchema>
export type RuleSource = z.infer<typeof ruleSourceSchema>
export type RuleCondition = z.infer<typeof ruleConditionSchema>
export type LookupSource = z.infer<typeof lookupSourceSchema>
export type FieldSource = z.infer<typeof fieldSourceSchema>

export const templateSettingsSchema = z.strictObject({
  title_max_length: z.number().int().min(1).max(1000).default(128),
  language: z.literal("en").default("en"),
  color_option: z.array(z.string().trim().min(1)).default(["Color", "Colour"]),
  size_option: z.array(z.string().trim().min(1)).default(["Size"]),
  weight_unit: z.enum(["g", "kg"]).default("g"),
  dimension_unit: z.enum(["cm", "mm"]).default("cm"),
  price_currency: z.literal("usd").default("usd"),
})

export type TemplateSettings = z.infer<typeof templateSettingsSchema>

/** Where one AliExpress attribute's value comes from, and the value list that matches it. */
export const attributeSourceEntrySchema = z.strictObject({
  source: fieldSourceSchema.optional(),
  /** a lookup list: merchant value -> AliExpress value id (or value name) */
  value_list: nonEmpty("value_list").optional(),
})

export const attributeMappingSchema = attributeSourceEntrySchema.extend({
  /** per-category overrides, keyed by AliExpress category id */
  categories: z
    .record(z.string().regex(/^\d+$/, { error: "category keys must be AliExpress category ids" }), attributeSourceEntrySchema)
    .optional(),
  /** also send as the seller's own attribute (name + value) in categories that do not have it */
  custom: z.boolean().optional(),
})

export type AttributeSourceEntry = z.infer<typeof attributeSourceEntrySchema>
export type AttributeMapping = z.infer<typeof attributeMappingSchema>

/** AliExpress attribute name -> its mapping; applies in every category that has the attribute. */
export const attributeMappingsSchema = z.record(nonEmpty("attribute name"), attributeMappingSchema)

const fieldsShape = Object.fromEntries(
  FIELD_KEYS.map((key) => [key, fieldSourceSchema.optional()])
) as Record<FieldKey, z.ZodOptional<typeof fieldSourceSchema>>

export const mappingTemplateSchema = z.strictObject({
  name: nonEmpty("name"),
  fields: z.strictObject(fieldsShape),
  attributes: attributeMappingsSchema.default({}),
  settings: templateSettingsSchema.prefault({}),
})

export type MappingTemplate = {
  name: string
  fields: Partial<Record<FieldKey, FieldSource>>
  /** templates saved before attribute mapping have none */
  attributes?: Record<string, AttributeMapping>
  settings: TemplateSettings
}

export const lookupListSchema = z.strictObject({
  id: z.string(),
  name: nonEmpty("name"),
  entries: z.array(z.strictObject({ from: z.string(), to: z.string() })),
})

export type LookupList = z.infer<typeof lookupListSchema>

export type Problem = {
  /** a FieldKey, or "sku:<sku>", "variant:<id>", "images", "skus" */
  field: string
  message: string
  hint: string
  origin: "validation" | "marketplace"
}

export type PriceRules = {
  source: "usd_price" | "convert"
  /** store currency -> USD multiplier */
  usd_rate?: number
  store_currency?: string
  markup_percent: number
  rounding: "none" | "cents_99" | "whole" | "two_decimals"
}

export type QuantityRules = {
  buffer: number
  max_quantity?: number | null
}

export type CategoryInfo = { isLeaf: boolean; name?: string }

/** One item attribute of a category, as read with sku.attribute.query. */
export type CategoryAttributeDef = {
  name_id: string
  name: string
  required: boolean
  /** single: one value of the list; multi: several; text: free text */
  input: "single" | "multi" | "text"
  values: { id: string; name: string }[]
}

export type SkuAttributeDef = {
  name: string
  required: boolean
  /** a value of the seller's own (e.g. a custom Color name) is accepted */
  custom_name: boolean
  values: string[]
}

/** A leaf category's attribute definitions. */
export type CategoryAttributes = {
  category_id: string
  attributes: CategoryAttributeDef[]
  sku_attributes: SkuAttributeDef[]
  /** AliExpress refused to describe the category (e.g. not a leaf): its message */
  error?: string
}

export type MappingContext = {
  template: MappingTemplate
  lookupLists: LookupList[]
  priceRules: PriceRules
  quantityRules: QuantityRules
  /** variant id -> sellable quantity summed over the chosen locations */
  stock: Record<string, number>
  /** undefined result = unknown category; when absent, the leaf check is skipped */
  categoryInfo?: (id: string) => CategoryInfo | undefined
  validFreightTemplateIds?: string[]
  validServiceTemplateIds?: string[]
  /** source URL -> image-bank URL */
  imageUrlMap?: Record<string, string>
  /**
   * The category's attribute definitions; when absent, only Brand Name is sent (by name). A
   * category it answers undefined for is reported as not read.
   */
  categoryAttributes?: (categoryId: string) => CategoryAttributes | undefined
}

export type FieldKind = "text" | "html" | "number" | "integer" | "id" | "image" | "price"

export type FieldDefinition = {
  key: FieldKey
  label: string
  required: boolean
  help: string
  kind: FieldKind
  per_variant?: boolean
}

export { FIELD_DEFINITIONS, FIELD_LABELS } from "./field-definitions"
