import { SkuRecord } from "./store"

/**
 * Optional listing fields of the post/edit DTO that AliExpress stores and shows back in
 * product.info.get: product group, size chart, bulk discount, per-country prices and a video.
 */
export interface ProductExtras {
  group_id?: number
  size_chart_id?: number
  bulk_order?: number
  bulk_discount?: number
  country_prices?: {
    price_type: string
    countries: { ship_to_country: string; skus: { sku_code: string; price: string; discount_price?: string }[] }[]
  }
  videos?: { media_id: number; poster_url: string }[]
}

type Obj = Record<string, unknown>
type Report = (field: string, message: string) => void

const PRICE_TYPES = new Set(["absolute", "percentage", "difference"])
const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v)
const absent = (v: unknown): boolean => v === undefined || v === null || v === ""

function id(v: unknown, field: string, report: Report): number | undefined {
  if (absent(v)) {
    return undefined
  }
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v.trim()) ? Number(v) : NaN
  if (!Number.isSafeInteger(n) || n < 1) {
    report(field, "must be a positive integer id")
    return undefined
  }
  return n
}

/** A list sent plain or wrapped the way AliExpress answers it (`{ global_x: [...] }`). */
function items(v: unknown): unknown[] | undefined {
  if (Array.isArray(v)) {
    return v
  }
  if (isObj(v)) {
    return Object.values(v).find(Array.isArray)
  }
  return undefined
}

function price(v: unknown, field: string, report: Report): string | undefined {
  const text = typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : ""
  if (!/^\d+(\.\d{1,2})?$/.test(text) || Number(text) < 0.01 || Number(text) > 999999) {
    report(field, "must be a price between 0.01 and 999999")
    return undefined
  }
  return text
}

function countryPrices(v: unknown, skus: SkuRecord[], report: Report): ProductExtras["country_prices"] {
  const f = "multi_country_price_configuration"
  if (!isObj(v)) {
    report(f, "must be an object")
    return undefined
  }
  const priceType = typeof v.price_type === "string" ? v.price_type : ""
  if (!PRICE_TYPES.has(priceType)) {
    report(`${f}.price_type`, "must be absolute, percentage or difference")
  }
  const codes = new Set(skus.map((s) => s.sku_code))
  const countries = (items(v.country_price_list) ?? []).map((c, i) => {
    const cf = `${f}.country_price_list[${i}]`
    const country = isObj(c) && typeof c.ship_to_country === "string" ? c.ship_to_country.trim() : ""
    if (!/^[A-Z]{2}$/.test(country)) {
      report(`${cf}.ship_to_country`, "must be a two-letter country code")
    }
    const list = isObj(c) ? items(c.sku_price_by_country_list) ?? [] : []
    const prices = list.map((s, j) => {
      const sf = `${cf}.sku_price_by_country_list[${j}]`
      const code = isObj(s) ? String(s.sku_code ?? "") : ""
      if (!codes.has(code)) {
        report(`${sf}.sku_code`, `${code} is not a SKU of this product`)
      }
      const discount = isObj(s) && !absent(s.discount_price) ? price(s.discount_price, `${sf}.discount_price`, report) : undefined
      return { sku_code: code, price: price(isObj(s) ? s.price : undefined, `${sf}.price`, report) ?? "", discount_price: discount }
    })
    return { ship_to_country: country, skus: prices }
  })
  if (countries.length === 0) {
    report(`${f}.country_price_list`, "must list at least one country")
  }
  return { price_type: priceType, countries }
}

function videos(v: unknown, report: Report): ProductExtras["videos"] {
  const f = "aeop_a_e_multimedia.aeop_a_e_videos"
  const list = isObj(v) ? items(v.aeop_a_e_videos) : undefined
  if (!list) {
    report(f, "must list the product videos")
    return undefined
  }
  return list.map((video, i) => {
    const mediaId = isObj(video) ? id(video.media_id, `${f}[${i}].media_id`, report) : undefined
    const poster = isObj(video) && typeof video.poster_url === "string" ? video.poster_url : ""
    if (!/^https?:\/\//.test(poster)) {
      report(`${f}[${i}].poster_url`, "must be an http(s) URL")
    }
    return { media_id: mediaId ?? 0, poster_url: poster }
  })
}

/** Checks the optional fields; problems go to `report` like every other listing rule. */
export function checkExtras(dto: Obj, skus: SkuRecord[], report: Report): ProductExtras {
  const extras: ProductExtras = {
    group_id: id(dto.group_id, "group_id", report),
    size_chart_id: id(dto.size_chart_id ?? dto.sizechart_id, "size_chart_id", report),
  }
  if (!absent(dto.bulk_order) || !absent(dto.bulk_discount)) {
    const order = Number(dto.bulk_order)
    const discount = Number(dto.bulk_discount)
    if (!Number.isInteger(order) || order < 2 || order > 100000) {
      report("bulk_order", "must be an integer between 2 and 100000 when a bulk discount is given")
    }
    if (!Number.isInteger(discount) || discount < 1 || discount > 99) {
      report("bulk_discount", "must be a percentage between 1 and 99 when bulk_order is given")
    }
    extras.bulk_order = order
    extras.bulk_discount = discount
  }
  if (!absent(dto.multi_country_price_configuration)) {
    extras.country_prices = countryPrices(dto.multi_country_price_configuration, skus, report)
  }
  if (!absent(dto.aeop_a_e_multimedia)) {
    extras.videos = videos(dto.aeop_a_e_multimedia, report)
  }
  return extras
}

/** The extras in DTO form, so an edit that leaves them out keeps them. */
export function extrasToDto(extras: ProductExtras | undefined): Obj {
  if (!extras) {
    return {}
  }
  return {
    group_id: extras.group_id,
    size_chart_id: extras.size_chart_id,
    bulk_order: extras.bulk_order,
    bulk_discount: extras.bulk_discount,
    multi_country_price_configuration: extras.country_prices && {
      price_type: extras.country_prices.price_type,
      country_price_list: extras.country_prices.countries.map((c) => ({
        ship_to_country: c.ship_to_country,
        sku_price_by_country_list: c.skus,
      })),
    },
    aeop_a_e_multimedia: extras.videos && { aeop_a_e_videos: extras.videos },
  }
}
