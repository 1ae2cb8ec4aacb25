import { formatPrice } from "./pricing"
import { resolveListing, toNumber, type ResolvedListing } from "./resolve-listing"
import { toCentimetres, toKilograms, validateListing } from "./validate"
import { unitTypeId } from "./units"
import type { PostProductRequest, SkuInfo } from "./payload"
import type { MappingContext, Problem, SourceProduct } from "./types"
import { ruleInputsOf, type RuleInput } from "./rule-inputs"

export type MappingResult = {
  /** null when any problem exists: invalid products are never sent */
  payload: PostProductRequest | null
  problems: Problem[]
  /** source URLs of the photos in the payload, in order (to upload to the image bank) */
  sourceImages: string[]
  variantSkus: { variantId: string; skuCode: string }[]
}

/** A mapping's result with what its SKUs' prices and quantities were made from. */
export type MappedProduct = MappingResult & { ruleInputs: RuleInput[] }

/** One category attribute as the preview shows it: its values and how each matched. */
export type PreviewAttribute = {
  name: string
  name_id: string
  required: boolean
  origin: string
  values: { input: string; kind: string; value_name?: string; value_id?: string }[]
}

export type PreviewResult = Omit<MappingResult, "payload"> & { payload: PostProductRequest; attributes: PreviewAttribute[] }

const int = (n: number) => (Number.isFinite(n) ? n : 0)

function shape(listing: ResolvedListing): Omit<PreviewResult, "problems" | "attributes"> {
  const { fields, ctx } = listing
  const settings = ctx.template.settings
  const map = ctx.imageUrlMap
  const sourceImages = listing.photos.slice(0, 6)

  const sku_info_list: SkuInfo[] = listing.variants.map((rv) => {
    const sku: SkuInfo = {
      sku_code: rv.skuCode,
      price: rv.price === undefined ? "" : formatPrice(rv.price),
      inventory: rv.inventory,
      sku_attributes_list: rv.attributes,
    }
    return sku
  })

  const dim = (key: "package_length" | "package_width" | "package_height") => {
    const n = toNumber(fields[key].resolved.value)
    return Number.isFinite(n) ? toCentimetres(n, settings.dimension_unit) : 0
  }
  const weightRaw = toNumber(fields.weight.resolved.value)
  const lot = Math.trunc(int(toNumber(fields.lot_size.resolved.value)))
  const serviceValue = fields.service_template_id.resolved.value

  const payload: PostProductRequest = {
    aliexpress_category_id: int(toNumber(fields.category_id.resolved.value)),
    language: "en",
    multi_language_subject_list: [{ language: "en", subject: listing.subject }],
    multi_language_description_list: [
      {
        language: "en",
        web_detail: listing.description?.html ?? "",
        mobile_detail: listing.mobileDescription?.html ?? "",
      },
    ],
    main_image_urls_list: map ? sourceImages.map((u) => map[u] ?? u) : sourceImages,
    sku_info_list,
    attribute_list: listing.attributes.list,
    package_length: dim("package_length"),
    package_width: dim("package_width"),
    package_height: dim("package_height"),
    weight: Number.isFinite(weightRaw) ? toKilograms(weightRaw, settings.weight_unit).toFixed(3) : "",
    shipping_lead_time: int(toNumber(fields.delivery_time.resolved.value)),
    freight_template_id: int(toNumber(fields.freight_template_id.resolved.value)),
    service_policy_id: serviceValue === undefined ? 0 : int(toNumber(serviceValue)),
    product_unit: unitTypeId(fields.unit_type.resolved.value as string | number | undefined) ?? 0,
    lot_num: lot,
    package_type: lot > 1,
    keywords: listing.keywords,
  }
  return {
    payload,
    sourceImages,
    variantSkus: listing.variants.map((rv) => ({ variantId: rv.variant.id, skuCode: rv.skuCode })),
  }
}

/** The best-effort payload with its problems (the admin preview shows both). */
export function buildPayload(product: SourceProduct, ctx: MappingContext): PreviewResult {
  const listing = resolveListing(product, ctx)
  const problems = validateListing(listing)
  const attributes = listing.attributes.attributes.map((a) => ({
    name: a.def.name,
    name_id: a.def.name_id,
    required: a.def.required,
    origin: a.origin,
    values: a.matches.map((m) => ({ input: m.input, kind: m.kind, value_name: m.value?.name, value_id: m.value?.id })),
  }))
  return { ...shape(listing), problems, attributes }
}

/** Map and validate a product: the payload is null when any problem exists. */
export function mapProduct(product: SourceProduct, ctx: MappingContext): MappedProduct {
  const listing = resolveListing(product, ctx)
  const problems = validateListing(listing)
  const shaped = { ...shape(listing), ruleInputs: ruleInputsOf(listing.variants) }
  return problems.length ? { ...shaped, problems, payload: null } : { ...shaped, problems }
}
