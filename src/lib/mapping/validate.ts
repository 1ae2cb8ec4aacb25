import { FIELD_LABELS } from "./field-definitions"
import { describePath } from "./paths"
import { sourceCurrency } from "./pricing"
import { fixHint, shortenHint, toNumber, type FieldResult, type ResolvedListing, type ResolvedVariant } from "./resolve-listing"
import type { SanitizedDescription } from "./sanitize"
import { attributeProblems } from "./resolve-attributes"
import { foreignLetters } from "./text"
import { unitTypeId } from "./units"
import type { FieldKey, Problem, SourceProduct } from "./types"

const PHOTO_KEYS = ["photo_1", "photo_2", "photo_3", "photo_4", "photo_5", "photo_6"] as const

export const LIMITS = {
  keywords: 128,
  photos: 6,
  deliveryDays: [1, 60],
  packageCm: [1, 700],
  weightKg: [0.001, 500],
  price: [0.01, 999999],
  skuCode: 50,
  skuValue: 70,
  lotSize: [1, 100000],
} as const

const SKU_CODE = /^[A-Za-z0-9_.-]+$/
const SKU_VALUE_FORBIDDEN = /[{#:=,;]/
const IMAGE_EXT = /\.(jpe?g|gif|png)$/i
const DATA_IMAGE = /^data:image\/(jpe?g|gif|png)[;,]/i
const HTTP_URL = /^https?:\/\/[^\s/]+/i
const INTEGER_ID = /^\d+$/

/** Whole centimetres from a value in the template's dimension unit, rounded up. */
export function toCentimetres(value: number, unit: "cm" | "mm"): number {
  const cm = unit === "mm" ? value / 10 : value
  return Math.ceil(Math.round(cm * 1e6) / 1e6)
}

/** Kilograms (3 decimals, rounded up) from a value in the template's weight unit. */
export function toKilograms(value: number, unit: "g" | "kg"): number {
  const grams = unit === "kg" ? value * 1000 : value
  return Math.ceil(Math.round(grams * 1e6) / 1e6) / 1000
}

/** Whether a listing image URL has a format AliExpress takes (jpg, gif, png). */
export function isSupportedImage(url: string): boolean {
  if (url.startsWith("data:")) return DATA_IMAGE.test(url)
  if (!HTTP_URL.test(url)) return false
  const end = url.search(/[?#]/)
  return IMAGE_EXT.test(end === -1 ? url : url.slice(0, end))
}

type Report = (field: string, message: string, hint: string) => void

function required(field: FieldResult, present: boolean, report: Report): boolean {
  const resolveProblem = field.resolved.problem
  if (resolveProblem) {
    report(field.key, resolveProblem.message, resolveProblem.hint)
    return false
  }
  if (present) return true
  const label = FIELD_LABELS[field.key]
  report(
    field.key,
    field.source ? `${label} is empty for this product` : `${label} is not mapped`,
    fixHint(field)
  )
  return false
}

function englishOnly(key: string, what: string, text: string, hint: string, report: Report) {
  const letters = foreignLetters(text)
  if (letters) report(key, `${what} is not in English (found "${letters}")`, hint)
}

function checkDescription(
  key: FieldKey,
  field: FieldResult,
  desc: SanitizedDescription | undefined,
  report: Report
) {
  const label = FIELD_LABELS[key]
  if (!desc) return
  if (desc.empty) {
    report(key, `${label} has no text or images left after removing unsupported markup`, fixHint(field, "text or images"))
    return
  }
  if (desc.lostText) {
    report(
      key,
      `${label}: text inside <${desc.lostIn}> ("${desc.lostText}") would be removed; AliExpress does not accept <${desc.lostIn}>`,
      `Move the text out of the <${desc.lostIn}> element in ${field.source?.source === "attribute" ? describePath(field.source.path) : "the product description"} in Medusa`
    )
  }
  if (desc.foreign) {
    report(
      key,
      `${label} is not in English (found "${desc.foreign}")`,
      `Write the ${label.toLowerCase()} in English (${field.source?.source === "attribute" ? describePath(field.source.path) : "the product data"} in Medusa)`
    )
  }
}

function inRange(n: number, [min, max]: readonly [number, number]): boolean {
  return Number.isFinite(n) && n >= min && n <= max
}

/** Whether AliExpress takes this USD price (to the cent). */
export function priceInRange(price: number): boolean {
  return inRange(Math.round(price * 100) / 100, LIMITS.price)
}

function checkInteger(
  field: FieldResult,
  range: readonly [number, number],
  unitText: string,
  report: Report
) {
  if (!required(field, field.resolved.value !== undefined, report)) return
  const n = toNumber(field.resolved.value)
  if (!Number.isInteger(n) || !inRange(n, range)) {
    report(
      field.key,
      `${FIELD_LABELS[field.key]} must be a whole number from ${range[0]} to ${range[1]}${unitText} (got "${String(field.resolved.value)}")`,
      fixHint(field)
    )
  }
}

function checkTemplateId(
  field: FieldResult,
  valid: string[] | undefined,
  allowZero: boolean,
  report: Report
) {
  if (!required(field, field.resolved.value !== undefined, report)) return
  const id = String(field.resolved.value).trim()
  const label = FIELD_LABELS[field.key]
  if (!INTEGER_ID.test(id)) {
    report(field.key, `${label} must be a numeric AliExpress template id (got "${id}")`, fixHint(field))
    return
  }
  if (allowZero && Number(id) === 0) return
  if (valid && !valid.includes(id)) {
    report(
      field.key,
      `${label} ${id} is not one of the seller's AliExpress templates`,
      `Pick an existing template for "${label}" in the mapping template (refresh the templates from AliExpress if it was just created)`
    )
  }
}

function skuHint(rv: ResolvedVariant, thing: string): string {
  return `Set the variant's ${thing} in Medusa (Product > Variants > ${rv.variant.title})`
}

function checkVariants(listing: ResolvedListing, report: Report) {
  const { variants, ctx } = listing
  if (variants.length === 0) {
    report("skus", "The product has no variants", "Add at least one variant with a SKU and a price in Medusa (Product > Variants)")
    return
  }
  const seenSku = new Map<string, number>()
  const seenCombo = new Map<string, string>()
  const multi = variants.length > 1
  const currency = sourceCurrency(ctx.priceRules).toUpperCase() || "store currency"

  for (const rv of variants) {
    const f = rv.problemField
    if (!rv.skuCode) {
      report(f, `Variant "${rv.variant.title}" has no SKU (AliExpress's sku_code)`, skuHint(rv, "SKU"))
    } else {
      seenSku.set(rv.skuCode, (seenSku.get(rv.skuCode) ?? 0) + 1)
      if (rv.skuCode.length > LIMITS.skuCode) {
        report(f, `SKU "${rv.skuCode}" is longer than ${LIMITS.skuCode} characters`, skuHint(rv, "SKU (shorter)"))
      }
      if (!SKU_CODE.test(rv.skuCode)) {
        report(f, `SKU "${rv.skuCode}" may only contain letters, digits, "-", "_" and "."`, skuHint(rv, "SKU"))
      }
    }

    if (rv.priceField?.resolved.problem) {
      report(f, rv.priceField.resolved.problem.message, rv.priceField.resolved.problem.hint)
    } else if (rv.price === undefined) {
      if (ctx.priceRules.source === "convert" && !(ctx.priceRules.usd_rate! > 0)) {
        report(f, "No USD conversion rate is set", "Set the USD rate in the AliExpress price rules")
      } else if (rv.priceField) {
        report(f, `Variant "${rv.variant.title}" has no usable price for "${FIELD_LABELS.retail_price}"`, fixHint(rv.priceField, "a price"))
      } else {
        report(
          f,
          `Variant "${rv.variant.title}" has no ${currency} price`,
          `Add a ${currency} price to the variant in Medusa (Product > Variants > ${rv.variant.title} > Prices), or map "${FIELD_LABELS.retail_price}" in the mapping template`
        )
      }
    } else if (!priceInRange(rv.price)) {
      report(
        f,
        `Price ${rv.price.toFixed(2)} USD is outside 0.01-999999`,
        `Fix the variant's price in Medusa (Product > Variants > ${rv.variant.title} > Prices) or the AliExpress price rules`
      )
    }

    const names = new Set<string>()
    for (const attr of rv.attributes) {
      const value = attr.sku_attribute_value
      const optHint = `Change the variant's ${attr.sku_attribute_name} option value in Medusa (Product > Variants > ${rv.variant.title})`
      if (names.has(attr.sku_attribute_name)) {
        report(
          f,
          `Variant "${rv.variant.title}" has more than one ${attr.sku_attribute_name} option`,
          `Keep one option per kind: adjust the template settings' color/size option names or the product's options in Medusa`
        )
      }
      names.add(attr.sku_attribute_name)
      if (!value) report(f, `${attr.sku_attribute_name} value is empty`, optHint)
      if (value.length > LIMITS.skuValue) {
        report(f, `${attr.sku_attribute_name} value "${value.slice(0, 20)}..." is longer than ${LIMITS.skuValue} characters`, optHint)
      }
      if (SKU_VALUE_FORBIDDEN.test(value)) {
        report(f, `${attr.sku_attribute_name} value "${value}" contains one of { # : = , ;`, optHint)
      }
      englishOnly(f, `${attr.sku_attribute_name} value "${value}"`, value, optHint, report)
    }
    if (multi) {
      if (rv.attributes.length === 0) {
        report(
          f,
          `Variant "${rv.variant.title}" has no Color or Size: with more than one SKU every SKU needs one`,
          `Give the product a Color or Size option in Medusa, or name its option in the template settings' color/size options`
        )
      } else {
        const combo = rv.attributes
          .map((a) => `${a.sku_attribute_name}=${a.sku_attribute_value.toLowerCase()}`)
          .sort()
          .join("|")
        const other = seenCombo.get(combo)
        if (other !== undefined) {
          report(
            "skus",
            `Variants "${other}" and "${rv.variant.title}" have the same Color/Size combination`,
            `Make each variant's Color/Size combination unique in Medusa (Product > Variants)`
          )
        } else seenCombo.set(combo, rv.variant.title)
      }
    }
  }

  for (const [sku, count] of seenSku) {
    if (count > 1) {
      report(`sku:${sku}`, `SKU "${sku}" is used by ${count} variants of this product`, `Give each variant its own SKU in Medusa (Product > Variants)`)
    }
  }
  for (const title of listing.unsupportedOptions) {
    report(
      "skus",
      `Option "${title}" is neither a Color nor a Size: AliExpress varies products by Color and Size only`,
      `Rename or remove the "${title}" option in Medusa, or add "${title}" to the color or size options in the template settings`
    )
  }
}

/** Every listing rule; each failure is a Problem with a fix hint. */
export function validateListing(listing: ResolvedListing): Problem[] {
  const problems: Problem[] = []
  const report: Report = (field, message, hint) => {
    problems.push({ field, message, hint, origin: "validation" })
  }
  const { fields, ctx } = listing
  const settings = ctx.template.settings

  // Category
  const cat = fields.category_id
  if (required(cat, cat.resolved.value !== undefined && String(cat.resolved.value).trim() !== "", report)) {
    const id = String(cat.resolved.value).trim()
    if (!INTEGER_ID.test(id) || id === "0") {
      report("category_id", `Category ID must be a numeric AliExpress category id (got "${id}")`, fixHint(cat))
    } else if (ctx.categoryInfo) {
      const info = ctx.categoryInfo(id)
      if (!info) {
        report("category_id", `Category ${id} is not an AliExpress category`, fixHint(cat))
      } else if (!info.isLeaf) {
        report(
          "category_id",
          `Category ${id}${info.name ? ` (${info.name})` : ""} is not a leaf category`,
          `Choose one of its sub-categories: ${fixHint(cat)}`
        )
      }
    }
  }

  // Product name
  const subjectLabel = FIELD_LABELS.subject
  if (required(fields.subject, listing.subject !== "", report)) {
    if (listing.subject.length > settings.title_max_length) {
      report(
        "subject",
        `${subjectLabel} is ${listing.subject.length} characters, more than ${settings.title_max_length}`,
        `Shorten the product title in Medusa (Product > Title) or map "${subjectLabel}" to a shorter attribute in the mapping template`
      )
    }
    englishOnly("subject", subjectLabel, listing.subject, `Write the title in English: ${fixHint(fields.subject)}`, report)
  }

  // Descriptions
  if (required(fields.description, listing.description !== undefined, report)) {
    checkDescription("description", fields.description, listing.description, report)
  }
  if (listing.mobileDescription !== listing.description) {
    if (required(fields.mobile_description, listing.mobileDescription !== undefined, report)) {
      checkDescription("mobile_description", fields.mobile_description, listing.mobileDescription, report)
    }
  } else if (fields.mobile_description.resolved.problem) {
    required(fields.mobile_description, true, report)
  }

  // Keywords
  if (required(fields.keywords, listing.keywords !== "", report)) {
    if (listing.keywords.length > LIMITS.keywords) {
      report(
        "keywords",
        `${FIELD_LABELS.keywords} is ${listing.keywords.length} characters, more than ${LIMITS.keywords}`,
        shortenHint(fields.keywords)
      )
    }
    englishOnly("keywords", FIELD_LABELS.keywords, listing.keywords, `Use English keywords: ${fixHint(fields.keywords)}`, report)
  }

  // Images
  for (let i = 1; i <= LIMITS.photos; i++) {
    const p = fields[`photo_${i}` as FieldKey].resolved.problem
    if (p) report(`photo_${i}`, p.message, p.hint)
  }
  if (listing.photos.length === 0) {
    report(
      "images",
      "The product has no images",
      `Add an image to the product in Medusa (Product > Media) or map "${FIELD_LABELS.photo_1}" in the mapping template`
    )
  } else if (listing.photos.length > LIMITS.photos) {
    report(
      "images",
      `${listing.photos.length} photos are mapped; AliExpress takes at most ${LIMITS.photos}`,
      "AliExpress takes at most 6 photos: remove some from the product or map Photo 1..6 to the ones to keep"
    )
  }
  // A product picture the template maps by position but that falls past Photo 6
  // would silently not reach AliExpress: say so, as the seed guide caps photos at 6.
  const productImages = listing.product.images?.length ?? 0
  const mapsProductImages = PHOTO_KEYS.some((key) => {
    const source = listing.ctx.template.fields[key]
    return source?.source === "attribute" && source.path.trim().startsWith("images")
  })
  if (mapsProductImages && productImages > LIMITS.photos && listing.photos.length <= LIMITS.photos) {
    report(
      "images",
      `The product has ${productImages} images; AliExpress takes at most ${LIMITS.photos}, so ${productImages - LIMITS.photos} would be left out`,
      "Remove the extra images from the product in Medusa (Product > Media), keeping the 6 to show on AliExpress"
    )
  }
  for (const url of listing.photos) {
    if (!isSupportedImage(url)) {
      report(
        "images",
        `Image ${url.length > 80 ? url.slice(0, 77) + "..." : url} is not a jpg, gif or png http(s) URL`,
        "Replace the image with a JPG, GIF or PNG in Medusa (Product > Media)"
      )
    }
  }

  // Numbers
  checkInteger(fields.delivery_time, LIMITS.deliveryDays, " days", report)
  for (const key of ["package_length", "package_width", "package_height"] as const) {
    const field = fields[key]
    if (!required(field, field.resolved.value !== undefined, report)) continue
    const raw = toNumber(field.resolved.value)
    const cm = Number.isFinite(raw) ? toCentimetres(raw, settings.dimension_unit) : NaN
    if (!inRange(cm, LIMITS.packageCm)) {
      report(
        key,
        `${FIELD_LABELS[key]} must be 1-700 cm (got "${String(field.resolved.value)}" ${settings.dimension_unit})`,
        fixHint(field)
      )
    }
  }
  const weight = fields.weight
  if (required(weight, weight.resolved.value !== undefined, report)) {
    const raw = toNumber(weight.resolved.value)
    const kg = Number.isFinite(raw) ? toKilograms(raw, settings.weight_unit) : NaN
    if (!inRange(kg, LIMITS.weightKg)) {
      report(
        "weight",
        `${FIELD_LABELS.weight} must be 0.001-500 kg (got "${String(weight.resolved.value)}" ${settings.weight_unit})`,
        fixHint(weight)
      )
    }
  }
  checkInteger(fields.lot_size, LIMITS.lotSize, "", report)

  const unit = fields.unit_type
  if (required(unit, unit.resolved.value !== undefined, report)) {
    if (unitTypeId(unit.resolved.value as string | number) === undefined) {
      report(
        "unit_type",
        `Unit type "${String(unit.resolved.value)}" is not an AliExpress unit`,
        `Use a known unit (piece, pair, set, pack, box, dozen, ...) or an AliExpress unit id: ${fixHint(unit)}`
      )
    }
  }

  checkTemplateId(fields.freight_template_id, ctx.validFreightTemplateIds, false, report)
  checkTemplateId(fields.service_template_id, ctx.validServiceTemplateIds, true, report)

  // With the category's definitions, Brand Name is checked with the other item attributes.
  if (!listing.attributes.defs) required(fields.brand, listing.brand !== "", report)
  if (listing.attributesUnread !== undefined) {
    const reason = listing.attributesUnread
    report(
      "attribute_list",
      `The attributes of category ${listing.categoryLabel} could not be read from AliExpress${reason ? `: ${reason}` : ""}`,
      reason
        ? `Choose an AliExpress leaf category: ${fixHint(fields.category_id)}`
        : "Check the AliExpress connection in Settings, then sync again"
    )
  }
  for (const p of attributeProblems(listing.attributes, listing.categoryLabel)) report(p.field, p.message, p.hint)
  for (const p of listing.skuProblems) report(p.field, p.message, p.hint)

  checkVariants(listing, report)
  return problems
}

export type DuplicateSku = {
  sku_code: string
  occurrences: { productId: string; variantId: string }[]
}

/** SKU codes used by more than one variant across the given products (AliExpress wants them unique per seller). */
export function findDuplicateSkus(
  products: Pick<SourceProduct, "id" | "variants">[] | { id: string; variants: { id: string; sku?: string | null }[] }[]
): DuplicateSku[] {
  const bySku = new Map<string, { productId: string; variantId: string }[]>()
  for (const product of products) {
    for (const variant of product.variants) {
      const sku = (variant.sku ?? "").trim()
      if (!sku) continue
      let list = bySku.get(sku)
      if (!list) bySku.set(sku, (list = []))
      list.push({ productId: product.id, variantId: variant.id })
    }
  }
  const out: DuplicateSku[] = []
  for (const [sku_code, occurrences] of bySku) {
    if (occurrences.length > 1) out.push({ sku_code, occurrences })
  }
  return out
}
