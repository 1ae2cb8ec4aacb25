import { MethodContext, isImageBankUrl } from "./context"
import { BusinessError, SUB } from "./errors"
import { checkDescription } from "./html-check"
import { checkExtras, extrasToDto } from "./product-extras"
import { checkAttributeList, checkSkuAttribute } from "./attribute-rules"
import { CATEGORY_ATTRIBUTES, SeedCategoryAttributes } from "./category-attributes"
import { CATEGORIES, FREIGHT_TEMPLATES, PRODUCT_UNITS, SERVICE_TEMPLATES } from "./seed"
import { ProductRecord, SkuRecord } from "./store"

export type ProductFields = Omit<
  ProductRecord,
  | "product_id"
  | "status"
  | "status_after_audit"
  | "audit_until"
  | "pending_reject_reason"
  | "audit_failure_reason"
  | "gmt_create"
  | "gmt_modified"
  | "offline_date"
>

const FORBIDDEN_VALUE_CHARS = /[{#:=,}]/
const DEDUCTION = new Set(["place_order_withhold", "payment_success_deduct"])

type Obj = Record<string, unknown>

export class Problems {
  list: string[] = []
  add(field: string, message: string): void {
    this.list.push(`${field}: ${message}`)
  }
}

const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v)

function text(v: unknown): string | undefined {
  if (typeof v === "string") {
    return v
  }
  if (typeof v === "number") {
    return String(v)
  }
  return undefined
}

function decimal(v: unknown, field: string, min: number, max: number, places: number, p: Problems): string | undefined {
  const raw = text(v)?.trim()
  if (raw === undefined || raw === "") {
    p.add(field, "is required")
    return undefined
  }
  if (!new RegExp(`^\\d+(\\.\\d{1,${places}})?$`).test(raw)) {
    p.add(field, `must be a decimal number with at most ${places} decimals`)
    return undefined
  }
  const n = Number(raw)
  if (n < min || n > max) {
    p.add(field, `must be between ${min} and ${max}`)
    return undefined
  }
  return n.toFixed(places)
}

function integer(v: unknown, field: string, min: number, max: number, p: Problems, required = true): number | undefined {
  if (v === undefined || v === null || v === "") {
    if (required) {
      p.add(field, "is required")
    }
    return undefined
  }
  const raw = text(v)?.trim() ?? ""
  const n = /^-?\d+$/.test(raw) ? Number(raw) : NaN
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    p.add(field, `must be an integer between ${min} and ${max}`)
    return undefined
  }
  return n
}

function list(v: unknown, field: string, p: Problems, required = true): unknown[] | undefined {
  if (v === undefined || v === null) {
    if (required) {
      p.add(field, "is required")
    }
    return undefined
  }
  if (!Array.isArray(v)) {
    p.add(field, "must be an array")
    return undefined
  }
  return v
}

function normLanguage(v: unknown): string {
  return (text(v) ?? "").trim().split(/[_-]/)[0].toLowerCase()
}

function checkSkus(dto: Obj, ctx: MethodContext, p: Problems, category: SeedCategoryAttributes | undefined): SkuRecord[] {
  const skus = list(dto.sku_info_list, "sku_info_list", p) ?? []
  if (Array.isArray(dto.sku_info_list) && skus.length === 0) {
    p.add("sku_info_list", "must contain at least one SKU")
  }
  if (skus.length > 500) {
    p.add("sku_info_list", "must contain at most 500 SKUs")
  }
  const out: SkuRecord[] = []
  const combos = new Map<string, number>()
  let namesOfFirst: string | undefined
  skus.forEach((raw, i) => {
    const f = `sku_info_list[${i}]`
    if (!isObj(raw)) {
      p.add(f, "must be an object")
      return
    }
    const code = text(raw.sku_code)?.trim()
    if (!code) {
      p.add(`${f}.sku_code`, "is required")
    } else if (code.length > 50) {
      p.add(`${f}.sku_code`, "must be at most 50 characters")
    }
    const price = decimal(raw.price, `${f}.price`, 0.01, 999999, 2, p)
    let discount: string | undefined
    if (raw.discount_price !== undefined && raw.discount_price !== null && raw.discount_price !== "") {
      discount = decimal(raw.discount_price, `${f}.discount_price`, 0.01, 999999, 2, p)
      if (discount && price && Number(discount) >= Number(price)) {
        p.add(`${f}.discount_price`, "must be lower than price")
      }
    }
    const inventory = integer(raw.inventory, `${f}.inventory`, 0, 999999, p)
    const attrs = list(raw.sku_attributes_list, `${f}.sku_attributes_list`, p, false) ?? []
    const attributes: SkuRecord["attributes"] = []
    const seen = new Set<string>()
    attrs.forEach((a, j) => {
      const af = `${f}.sku_attributes_list[${j}]`
      if (!isObj(a)) {
        p.add(af, "must be an object")
        return
      }
      const name = text(a.sku_attribute_name)?.trim() ?? ""
      const value = text(a.sku_attribute_value)?.trim() ?? ""
      const known = checkSkuAttribute(category, name, value, af, p)
      if (known === false) {
        return
      }
      if (seen.has(name)) {
        p.add(`${af}.sku_attribute_name`, `${name} is given twice`)
        return
      }
      seen.add(name)
      if (!value) {
        p.add(`${af}.sku_attribute_value`, "is required")
      } else if (value.length > 70) {
        p.add(`${af}.sku_attribute_value`, "must be at most 70 characters")
      } else if (FORBIDDEN_VALUE_CHARS.test(value)) {
        p.add(`${af}.sku_attribute_value`, "must not contain any of { # : = ,")
      }
      const image = text(a.sku_image_url)?.trim()
      if (image && !isImageBankUrl(ctx, image)) {
        p.add(`${af}.sku_image_url`, "must be an image-bank URL (upload the image first)")
      }
      attributes.push({ name: known?.name ?? name, value: known?.value ?? value, image: image || undefined })
    })
    if (skus.length > 1) {
      if (attributes.length === 0) {
        p.add(`${f}.sku_attributes_list`, "is required when the product has several SKUs")
      } else {
        const names = attributes.map((a) => a.name).sort().join("+")
        if (namesOfFirst === undefined) {
          namesOfFirst = names
        } else if (names !== namesOfFirst) {
          p.add(`${f}.sku_attributes_list`, "every SKU must use the same attributes")
        }
        const combo = attributes
          .map((a) => `${a.name}=${a.value.toLowerCase()}`)
          .sort()
          .join(";")
        const other = combos.get(combo)
        if (other !== undefined) {
          p.add(`${f}.sku_attributes_list`, `repeats the attribute combination of sku_info_list[${other}]`)
        } else {
          combos.set(combo, i)
        }
      }
    }
    if (code && price && inventory !== undefined) {
      out.push({ sku_code: code, price, discount_price: discount, inventory, attributes })
    }
  })
  return out
}

/**
 * Applies AliExpress's listing rules to a post/edit DTO.
 * Throws F00-00-10020-002 listing every field problem, or F00-00-10007-007 for a taken sku_code.
 */
export function validateProduct(dto: Obj, ctx: MethodContext, productId?: string): ProductFields {
  const p = new Problems()
  const config = ctx.store.config

  const categoryId = integer(dto.aliexpress_category_id, "aliexpress_category_id", 1, Number.MAX_SAFE_INTEGER, p)
  let categoryAttributes: SeedCategoryAttributes | undefined
  let categoryName = ""
  if (categoryId !== undefined) {
    const category = CATEGORIES.find((c) => c.id === categoryId)
    if (!category) {
      p.add("aliexpress_category_id", `category ${categoryId} does not exist`)
    } else if (!category.leaf) {
      p.add("aliexpress_category_id", `category ${categoryId} is not a leaf category`)
    } else {
      categoryAttributes = CATEGORY_ATTRIBUTES[categoryId]
      categoryName = `${category.names.en} (${categoryId})`
    }
  }

  const language = normLanguage(dto.language)
  if (!language) {
    p.add("language", "is required")
  }

  const subjects: ProductFields["subjects"] = []
  ;(list(dto.multi_language_subject_list, "multi_language_subject_list", p) ?? []).forEach((s, i) => {
    const f = `multi_language_subject_list[${i}]`
    const subject = isObj(s) ? text(s.subject)?.trim() ?? "" : ""
    const lang = isObj(s) ? normLanguage(s.language) : ""
    if (!lang) {
      p.add(`${f}.language`, "is required")
    }
    if (!subject) {
      p.add(`${f}.subject`, "is required")
    } else if (subject.length > config.titleMaxLength) {
      p.add(`${f}.subject`, `must be at most ${config.titleMaxLength} characters (got ${subject.length})`)
    }
    subjects.push({ language: lang, subject })
  })
  if (language && Array.isArray(dto.multi_language_subject_list) && !subjects.some((s) => s.language === language)) {
    p.add("multi_language_subject_list", `needs a subject in the main language ${language}`)
  }

  const isBank = (url: string): boolean => isImageBankUrl(ctx, url)
  const descriptions: ProductFields["descriptions"] = []
  ;(list(dto.multi_language_description_list, "multi_language_description_list", p, false) ?? []).forEach((d, i) => {
    const f = `multi_language_description_list[${i}]`
    if (!isObj(d)) {
      p.add(f, "must be an object")
      return
    }
    const entry = {
      language: normLanguage(d.language),
      web_detail: text(d.web_detail),
      mobile_detail: text(d.mobile_detail),
    }
    if (!entry.language) {
      p.add(`${f}.language`, "is required")
    }
    for (const key of ["web_detail", "mobile_detail"] as const) {
      const value = entry[key]
      if (value && value.length > 60000) {
        p.add(`${f}.${key}`, "must be at most 60000 characters")
      }
      const problem = value ? checkDescription(value, isBank) : undefined
      if (problem) {
        p.add(`${f}.${key}`, problem)
      }
    }
    descriptions.push(entry)
  })

  const images = (list(dto.main_image_urls_list, "main_image_urls_list", p) ?? []).map((u) => text(u)?.trim() ?? "")
  if (Array.isArray(dto.main_image_urls_list) && (images.length < 1 || images.length > 6)) {
    p.add("main_image_urls_list", `must contain 1 to 6 images (got ${images.length})`)
  }
  images.forEach((url, i) => {
    if (!/\.(jpe?g|png|gif)$/i.test(url.split("?")[0])) {
      p.add(`main_image_urls_list[${i}]`, "must be a jpg, gif or png image")
    } else if (!isBank(url)) {
      p.add(`main_image_urls_list[${i}]`, "must be an image-bank URL (upload the image first)")
    }
  })

  const skus = checkSkus(dto, ctx, p, categoryAttributes)
  const attributes = checkAttributeList(dto.attribute_list, categoryAttributes, categoryName, p)
  const extras = checkExtras(dto, skus, (field, message) => p.add(field, message))

  const dims = {
    package_length: integer(dto.package_length, "package_length", 1, 700, p),
    package_width: integer(dto.package_width, "package_width", 1, 700, p),
    package_height: integer(dto.package_height, "package_height", 1, 700, p),
  }
  const weight = decimal(dto.weight, "weight", 0.001, 500, 3, p)
  const leadTime = integer(dto.shipping_lead_time, "shipping_lead_time", 1, 60, p)

  const freight = integer(dto.freight_template_id, "freight_template_id", 0, Number.MAX_SAFE_INTEGER, p)
  if (freight !== undefined && !FREIGHT_TEMPLATES.some((t) => t.template_id === freight)) {
    p.add("freight_template_id", `freight template ${freight} does not exist`)
  }
  const service = integer(dto.service_policy_id, "service_policy_id", 0, Number.MAX_SAFE_INTEGER, p, false) ?? 0
  if (service !== 0 && !SERVICE_TEMPLATES.some((t) => t.id === service)) {
    p.add("service_policy_id", `service template ${service} does not exist`)
  }
  const unit = integer(dto.product_unit, "product_unit", 0, Number.MAX_SAFE_INTEGER, p, false) ?? 100000015
  if (!PRODUCT_UNITS[unit]) {
    p.add("product_unit", `unit ${unit} is not a known product unit`)
  }
  const lotNum = integer(dto.lot_num, "lot_num", 1, 100000, p, false) ?? 1
  let packageType = false
  if (dto.package_type !== undefined && dto.package_type !== null) {
    if (typeof dto.package_type === "boolean" || dto.package_type === "true" || dto.package_type === "false") {
      packageType = dto.package_type === true || dto.package_type === "true"
    } else {
      p.add("package_type", "must be a boolean")
    }
  }
  if (lotNum > 1 && !packageType) {
    p.add("package_type", "must be true when lot_num is greater than 1")
  }
  const deduction = text(dto.inventory_deduction_strategy) ?? "place_order_withhold"
  if (!DEDUCTION.has(deduction)) {
    p.add("inventory_deduction_strategy", "must be place_order_withhold or payment_success_deduct")
  }

  if (p.list.length > 0) {
    throw new BusinessError(SUB.schema, p.list.join("; "))
  }

  const codes = new Set<string>()
  for (const sku of skus) {
    if (codes.has(sku.sku_code)) {
      throw new BusinessError(SUB.duplicateSku, `duplicate sku_code ${sku.sku_code} in sku_info_list`)
    }
    codes.add(sku.sku_code)
    const owner = ctx.seller.skuIndex.get(sku.sku_code)
    if (owner && owner !== productId) {
      throw new BusinessError(
        SUB.duplicateSku,
        `duplicate sku_code ${sku.sku_code}: already used by product ${owner}`
      )
    }
  }

  return {
    category_id: categoryId!,
    language,
    subjects,
    descriptions,
    images,
    skus,
    attributes,
    package_length: dims.package_length!,
    package_width: dims.package_width!,
    package_height: dims.package_height!,
    weight: weight!,
    shipping_lead_time: leadTime!,
    freight_template_id: freight!,
    service_policy_id: service,
    product_unit: unit,
    lot_num: lotNum,
    package_type: packageType,
    inventory_deduction_strategy: deduction,
    extras,
  }
}

/** The stored product as a post DTO, the base an edit request is laid over. */
export function productToDto(product: ProductRecord): Obj {
  return {
    aliexpress_category_id: product.category_id,
    language: product.language,
    multi_language_subject_list: product.subjects,
    multi_language_description_list: product.descriptions,
    main_image_urls_list: product.images,
    sku_info_list: product.skus.map((s) => ({
      sku_code: s.sku_code,
      price: s.price,
      discount_price: s.discount_price,
      inventory: s.inventory,
      sku_attributes_list: s.attributes.map((a) => ({
        sku_attribute_name: a.name,
        sku_attribute_value: a.value,
        sku_image_url: a.image,
      })),
    })),
    attribute_list: product.attributes,
    package_length: product.package_length,
    package_width: product.package_width,
    package_height: product.package_height,
    weight: product.weight,
    shipping_lead_time: product.shipping_lead_time,
    freight_template_id: product.freight_template_id,
    service_policy_id: product.service_policy_id,
    product_unit: product.product_unit,
    lot_num: product.lot_num,
    package_type: product.package_type,
    inventory_deduction_strategy: product.inventory_deduction_strategy,
    ...extrasToDto(product.extras),
  }
}
