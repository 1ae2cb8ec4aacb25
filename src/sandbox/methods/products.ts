import {
  MethodContext,
  MethodDef,
  asObject,
  idList,
  idValue,
  intValue,
  jsonParam,
  notFound,
  requireParam,
} from "../context"
import { BusinessError, SUB, invalid } from "../errors"
import { id, wrap } from "../json"
import { formatPacific } from "../pacific-time"
import { productToDto, validateProduct } from "../product-rules"
import { batchUpdate, getProductOrFail, inventoryUpdate, priceUpdate } from "./sku-updates"
import { SKU_ATTRIBUTES } from "../seed"
import { ProductAttribute, ProductRecord, ProductStatus, SkuRecord } from "../store"

const STATUSES: ProductStatus[] = ["onSelling", "offline", "auditing", "editingRequired"]

const LOCALES: Record<string, string> = {
  en: "en_US", es: "es_ES", fr: "fr_FR", de: "de_DE", it: "it_IT", pt: "pt_BR", ru: "ru_RU", nl: "nl_NL",
  pl: "pl_PL", tr: "tr_TR", ja: "ja_JP", ko: "ko_KR", ar: "ar_MA", he: "iw_IL", th: "th_TH", vi: "vi_VN",
}
const locale = (language: string): string => LOCALES[language] ?? `${language}_${language.toUpperCase()}`

/** A stable made-up id for a custom value, in AliExpress's id range. */
function customId(text: string): number {
  let hash = 0
  for (const ch of text.toLowerCase()) {
    hash = (hash * 31 + ch.charCodeAt(0)) >>> 0
  }
  return 1000000 + (hash % 90000000)
}

function valueId(name: string, value: string): number {
  return SKU_ATTRIBUTES[name]?.values[value] ?? customId(value)
}

/** Ids of the item attributes public clients show (Brand Name 2, Origin 219); others made up. */
const ATTRIBUTE_NAME_IDS: Record<string, number> = { "brand name": 2, brand: 2, origin: 219 }

function attributeDto(a: ProductAttribute): Record<string, unknown> {
  const name = a.attribute_name ?? ""
  return {
    attr_name: a.attribute_name,
    attr_name_id: a.attribute_name_id ?? ATTRIBUTE_NAME_IDS[name.toLowerCase()] ?? customId(name),
    attr_value: a.attribute_value,
    attr_value_id: a.attribute_value_id ?? customId(a.attribute_value ?? ""),
    attr_value_unit: "",
  }
}

function mainSubject(product: ProductRecord): string {
  return product.subjects.find((s) => s.language === product.language)?.subject ?? product.subjects[0]?.subject ?? ""
}

function priceRange(product: ProductRecord): [string, string] {
  const prices = product.skus.map((s) => Number(s.discount_price ?? s.price))
  return [Math.min(...prices).toFixed(2), Math.max(...prices).toFixed(2)]
}

/** Creates a product from a post DTO (product.post and the feed's PRODUCT_CREATE). */
export function createProduct(ctx: MethodContext, dto: Record<string, unknown>): string {
  const fields = validateProduct(dto, ctx)
  const now = ctx.store.now()
  const product: ProductRecord = {
    ...fields,
    product_id: ctx.store.newProductId(),
    status: "auditing",
    status_after_audit: "onSelling",
    gmt_create: now,
    gmt_modified: now,
  }
  ctx.seller.startAudit(product)
  ctx.seller.putProduct(product)
  return product.product_id
}

function post(ctx: MethodContext): Record<string, unknown> {
  const dto = asObject(jsonParam(ctx, "post_product_request"), "post_product_request")
  return { result: { product_id: id(createProduct(ctx, dto)), success: true } }
}

/**
 * Lays an edit DTO over the stored product (product.edit and the feed's PRODUCT_FULL_UPDATE);
 * `field` names the product id in errors.
 */
export function editProduct(ctx: MethodContext, request: Record<string, unknown>, rawId: unknown, field: string): string {
  if (rawId === undefined || rawId === null || rawId === "") {
    throw invalid(field, "is required")
  }
  const productId = idValue(rawId, field)
  const product = getProductOrFail(ctx, productId)
  if (product.status === "auditing") {
    throw new BusinessError(SUB.productInAudit, `product_id: product ${productId} is under audit and cannot be edited`)
  }
  const merged = productToDto(product)
  for (const [key, value] of Object.entries(request)) {
    if (key !== "product_id" && key !== "aliexpress_product_id") {
      merged[key] = value
    }
  }
  const fields = validateProduct(merged, ctx, productId)
  const previousSkus = product.skus
  Object.assign(product, fields)
  product.status_after_audit = product.status === "offline" ? "offline" : "onSelling"
  product.audit_failure_reason = undefined
  product.gmt_modified = ctx.store.now()
  ctx.seller.startAudit(product)
  ctx.seller.putProduct(product, previousSkus)
  return productId
}

function edit(ctx: MethodContext): Record<string, unknown> {
  const request = asObject(jsonParam(ctx, "edit_product_request"), "edit_product_request")
  const productId = editProduct(ctx, request, request.product_id, "edit_product_request.product_id")
  return { result: { product_id: id(productId), success: true } }
}

function skuDto(product: ProductRecord, sku: SkuRecord): Record<string, unknown> {
  const ids = sku.attributes.map((a) => `${SKU_ATTRIBUTES[a.name].id}:${valueId(a.name, a.value)}`)
  return {
    // AliExpress quotes the property pairs inside the string (see the captured product.info.get).
    id: ids.length ? `"${ids.join(";")}"` : "<none>",
    sku_code: sku.sku_code,
    sku_price: sku.price,
    sku_discount_price: sku.discount_price,
    ipm_sku_stock: sku.inventory,
    sku_stock: sku.inventory > 0,
    currency_code: "USD",
    barcode: "0",
    aeop_s_k_u_property_list: sku.attributes.length
      ? wrap(
          "global_aeop_sku_property",
          sku.attributes.map((a) => ({
            sku_property_id: SKU_ATTRIBUTES[a.name].id,
            property_value_id: valueId(a.name, a.value),
            property_value_definition_name: a.value,
            sku_image: a.image,
          }))
        )
      : undefined,
  }
}

function infoGet(ctx: MethodContext): Record<string, unknown> {
  const productId = idValue(requireParam(ctx, "product_id"), "product_id")
  const p = getProductOrFail(ctx, productId)
  const main = p.descriptions.find((d) => d.language === p.language) ?? p.descriptions[0]
  return {
    result: {
      product_id: id(p.product_id),
      product_status_type: p.status,
      audit_failure_reason: p.audit_failure_reason,
      subject: mainSubject(p),
      category_id: p.category_id,
      currency_code: "USD",
      product_price: priceRange(p)[0],
      delivery_time: p.shipping_lead_time,
      detail: main?.web_detail,
      mobile_detail: main?.mobile_detail,
      freight_template_id: p.freight_template_id,
      promise_template_id: p.service_policy_id,
      gross_weight: p.weight,
      package_length: p.package_length,
      package_width: p.package_width,
      package_height: p.package_height,
      product_unit: p.product_unit,
      lot_num: p.lot_num,
      package_type: p.package_type,
      is_pack_sell: false,
      reduce_strategy: p.inventory_deduction_strategy,
      image_u_r_ls: p.images.join(";"),
      owner_member_id: ctx.seller.account.user_nick,
      owner_member_seq: Number(ctx.seller.sellerId),
      gmt_create: formatPacific(p.gmt_create),
      gmt_modified: formatPacific(p.gmt_modified),
      ws_offline_date: formatPacific(p.gmt_create + 365 * 24 * 3600 * 1000),
      multi_language_subject_list: wrap(
        "global_subject",
        p.subjects.map((s) => ({ locale: locale(s.language), subject: s.subject }))
      ),
      multi_language_description_list: p.descriptions.length
        ? wrap(
            "global_description",
            p.descriptions.map((d) => ({
              locale: locale(d.language),
              web_detail: d.web_detail,
              mobile_detail: d.mobile_detail,
            }))
          )
        : undefined,
      aeop_ae_product_s_k_us: wrap("global_aeop_ae_product_sku", p.skus.map((s) => skuDto(p, s))),
      aeop_ae_product_propertys: wrap("global_aeop_ae_product_property", p.attributes.map(attributeDto)),
      ...extrasInfo(p, ctx.seller.sellerId),
    },
  }
}

/** The optional listing fields as product.info.get shows them; absent ones stay absent. */
function extrasInfo(p: ProductRecord, sellerId: string): Record<string, unknown> {
  const extras = p.extras ?? {}
  const prices = extras.country_prices
  return {
    // No custom weight (is_pack_sell false): one unit at the package weight, nothing added.
    base_unit: 1,
    add_unit: 0,
    add_weight: "0.000",
    bulk_order: extras.bulk_order,
    bulk_discount: extras.bulk_discount,
    group_id: extras.group_id,
    group_ids: extras.group_id === undefined ? undefined : wrap("number", [[extras.group_id]]),
    sizechart_id: extras.size_chart_id,
    multi_country_price_configuration: prices && {
      price_type: prices.price_type,
      country_price_list: wrap(
        "single_country_price_dto",
        prices.countries.map((c) => ({
          ship_to_country: c.ship_to_country,
          sku_price_by_country_list: wrap("single_sku_price_by_country_dto", c.skus),
        }))
      ),
    },
    aeop_a_e_multimedia: extras.videos?.length
      ? {
          aeop_a_e_videos: wrap(
            "global_aeop_ae_video",
            extras.videos.map((v) => ({
              ali_member_id: Number(sellerId),
              media_id: v.media_id,
              media_status: "approved",
              media_type: "video",
              poster_url: v.poster_url,
            }))
          ),
        }
      : undefined,
  }
}

function listGet(ctx: MethodContext): Record<string, unknown> {
  const query = asObject(jsonParam(ctx, "aeop_a_e_product_list_query"), "aeop_a_e_product_list_query")
  const status = query.product_status_type
  if (status === undefined || status === "") {
    throw invalid("aeop_a_e_product_list_query.product_status_type", "is required")
  }
  if (!STATUSES.includes(status as ProductStatus)) {
    throw invalid("aeop_a_e_product_list_query.product_status_type", `must be one of ${STATUSES.join(", ")}`)
  }
  const pageSize = intValue(query.page_size, "aeop_a_e_product_list_query.page_size", 1, 99) ?? 20
  const currentPage = intValue(query.current_page, "aeop_a_e_product_list_query.current_page", 1, 1000000) ?? 1
  ctx.seller.settleAudits()

  // By SKU or id: the one product, in any status, filtered below; otherwise the status' list.
  let found: ProductRecord[] | null = null
  const skuCode = typeof query.sku_code === "string" ? query.sku_code.trim() : ""
  if (skuCode) {
    const owner = ctx.seller.skuIndex.get(skuCode)
    const product = owner ? ctx.seller.products.get(owner) : undefined
    found = product ? [product] : []
  } else if (query.product_id !== undefined && query.product_id !== "") {
    const product = ctx.seller.products.get(idValue(query.product_id, "aeop_a_e_product_list_query.product_id"))
    found = product ? [product] : []
  }
  const subject = typeof query.subject === "string" ? query.subject.toLowerCase() : ""
  const candidates = found ?? ctx.seller.productsInStatus(status as string)
  const matching =
    found || subject ? candidates.filter((p) => p.status === status && (!subject || mainSubject(p).toLowerCase().includes(subject))) : candidates
  const page = matching.slice((currentPage - 1) * pageSize, currentPage * pageSize)
  return {
    result: {
      success: true,
      // Stale error fields ride along with success, as in the captured answer.
      error_code: 0,
      error_msg: "",
      error_message: "",
      product_count: matching.length,
      total_page: Math.ceil(matching.length / pageSize),
      current_page: currentPage,
      aeop_a_e_product_display_d_t_o_list: page.length
        ? wrap(
            "item_display_dto",
            page.map((p) => {
              const [min, max] = priceRange(p)
              return {
                product_id: id(p.product_id),
                subject: mainSubject(p),
                product_min_price: min,
                product_max_price: max,
                currency_code: "USD",
                image_u_r_ls: p.images.join(";"),
                freight_template_id: p.freight_template_id,
                owner_member_id: ctx.seller.account.user_nick,
                owner_member_seq: Number(ctx.seller.sellerId),
                gmt_create: formatPacific(p.gmt_create),
                gmt_modified: formatPacific(p.gmt_modified),
                ws_offline_date: formatPacific(p.gmt_create + 365 * 24 * 3600 * 1000),
                ws_display: p.status === "offline" ? "user_offline" : undefined,
                src: "isv",
                group_id: p.extras?.group_id,
                // The sandbox has no coupons; the window shown is the listing's own validity.
                coupon_start_date: formatPacific(p.gmt_create),
                coupon_end_date: formatPacific(p.gmt_create + 365 * 24 * 3600 * 1000),
              }
            })
          )
        : undefined,
    },
  }
}

function statusChange(
  act: (ctx: MethodContext, product: ProductRecord) => string | undefined,
  max: number
) {
  return (ctx: MethodContext): Record<string, unknown> => {
    const ids = idList(requireParam(ctx, "product_ids"), "product_ids", max)
    const errors = new Map<string, { message: string; ids: string[] }>()
    let count = 0
    for (const productId of ids) {
      const product = ctx.seller.getProduct(productId)
      const problem = product ? act(ctx, product) : `${SUB.productNotFound}|product does not exist`
      if (problem) {
        const [code, message] = problem.split("|")
        const entry = errors.get(code) ?? { message, ids: [] }
        entry.ids.push(productId)
        errors.set(code, entry)
      } else {
        count++
      }
    }
    ctx.store.markDirty()
    return {
      result: {
        success: errors.size === 0,
        modify_count: count,
        error_details: errors.size
          ? wrap(
              "error_detail",
              [...errors].map(([code, e]) => ({
                error_code: code,
                error_message: e.message,
                product_ids: wrap("number", e.ids.map((x) => id(x))),
              }))
            )
          : undefined,
      },
    }
  }
}

const offline = statusChange((ctx, product) => {
  if (product.status !== "onSelling") {
    return `${SUB.productStatus}|only products onSelling can be taken offline (status ${product.status})`
  }
  ctx.seller.setStatus(product, "offline")
  product.gmt_modified = ctx.store.now()
  return undefined
}, 50)

const online = statusChange((ctx, product) => {
  if (product.status !== "offline") {
    return `${SUB.productStatus}|only offline products can be put online (status ${product.status})`
  }
  ctx.seller.setStatus(product, "onSelling")
  product.gmt_modified = ctx.store.now()
  return undefined
}, 50)

const remove = statusChange((ctx, product) => {
  ctx.seller.deleteProduct(product)
  return undefined
}, 100)

export const productMethods: Record<string, MethodDef> = {
  "aliexpress.solution.product.post": { required: ["post_product_request"], handler: post },
  "aliexpress.solution.product.edit": { required: ["edit_product_request"], handler: edit },
  "aliexpress.solution.product.info.get": { required: ["product_id"], handler: infoGet },
  "aliexpress.solution.product.list.get": { required: ["aeop_a_e_product_list_query"], handler: listGet },
  "aliexpress.solution.batch.product.price.update": {
    required: ["mutiple_product_update_list"],
    handler: batchUpdate(priceUpdate),
  },
  "aliexpress.solution.batch.product.inventory.update": {
    required: ["mutiple_product_update_list"],
    handler: batchUpdate(inventoryUpdate),
  },
  "aliexpress.postproduct.redefining.offlineaeproduct": { required: ["product_ids"], handler: offline },
  "aliexpress.postproduct.redefining.onlineaeproduct": { required: ["product_ids"], handler: online },
  "aliexpress.solution.batch.product.delete": { required: ["product_ids"], handler: remove },
}
