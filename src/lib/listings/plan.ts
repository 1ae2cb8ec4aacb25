import { hashListing, mapProduct, type MappingContext, type PostProductRequest, type Problem, type RuleInput } from "../mapping"
import type { ListingProduct } from "./source-product"
import { listingStatusFromAe } from "./status"

export type ListingAction =
  /** nothing to send */
  | "none"
  /** problems found before sending: nothing is sent */
  | "invalid"
  | "post"
  | "edit"
  /** batch price and/or inventory update */
  | "update"
  | "offline"
  /** the product is gone and was never listed: the row goes */
  | "remove"

export type ListingRow = {
  id: string
  product_id: string | null
  ae_product_id: string | null
  ae_status: string | null
  status: string
  content_hash: string | null
  price_hash: string | null
  stock_hash: string | null
  refused_hash: string | null
  problem_count: number
  post_started_at: Date | string | null
  next_attempt_at: Date | string | null
}

export type Hashes = { content: string; price: string; stock: string }

export type PlannedListing = {
  listing_id: string
  product_id: string | null
  ae_product_id: string | null
  action: ListingAction
  /** the listing is offline on AliExpress and its product is back in the channel */
  online: boolean
  send_price: boolean
  send_stock: boolean
  /** the new status when nothing is sent (none/invalid/offline/deferred) */
  status?: string
  title: string | null
  sku_codes: string[]
  payload: PostProductRequest | null
  source_images: string[]
  hashes: Hashes | null
  problems: Problem[]
  /** a previous post may have created the product: look it up by SKU before posting */
  lookup_first: boolean
  /** the listing's stamp for these hashes (src/lib/listings/source-stamp.ts), when known */
  source_stamp?: string | null
  /** store `source_stamp` now: nothing is sent and the listing already has these hashes */
  stamp_write?: boolean
  /** what the SKUs' prices and quantities were made from (see lib/mapping/rule-inputs.ts) */
  rule_inputs?: RuleInput[] | null
  /** the stamp of the product and the settings other than the rules (see source-stamp.ts), stored with `source_stamp` */
  base_stamp?: string | null
}

/** Hash of everything sent, to recognise a payload AliExpress already refused. */
export const fullHash = (h: Hashes) => `${h.content}:${h.price}:${h.stock}`

/**
 * The plan of a listing known to be unchanged (its stamp matched): nothing to send, nothing to
 * store, the product not even loaded.
 */
export function unchangedPlan(row: ListingRow): PlannedListing {
  return {
    listing_id: row.id,
    product_id: row.product_id,
    ae_product_id: row.ae_product_id,
    action: "none",
    online: false,
    send_price: false,
    send_stock: false,
    title: null,
    sku_codes: [],
    payload: null,
    source_images: [],
    hashes: row.content_hash && row.price_hash && row.stock_hash ? { content: row.content_hash, price: row.price_hash, stock: row.stock_hash } : null,
    problems: [],
    lookup_first: false,
  }
}

/**
 * Decides what one listing needs, from its row, its product (undefined when deleted) and
 * whether the product is in the AliExpress channel. Pure: no I/O.
 */
export function planListing(
  row: ListingRow,
  product: ListingProduct | undefined,
  inChannel: boolean,
  ctx: MappingContext
): PlannedListing {
  const base: PlannedListing = {
    listing_id: row.id,
    product_id: row.product_id,
    ae_product_id: row.ae_product_id,
    action: "none",
    online: false,
    send_price: false,
    send_stock: false,
    title: product?.source.title ?? null,
    sku_codes: product ? product.source.variants.map((v) => (v.sku ?? "").trim()).filter(Boolean) : [],
    payload: null,
    source_images: [],
    hashes: null,
    problems: [],
    lookup_first: false,
  }

  if (!product || !inChannel) {
    if (row.ae_product_id) {
      return row.status === "offline" ? base : { ...base, action: "offline" }
    }
    return product ? { ...base, status: "offline" } : { ...base, action: "remove" }
  }

  const mapped = mapProduct(product.source, ctx)
  base.source_images = mapped.sourceImages
  if (!mapped.payload) {
    return { ...base, action: "invalid", status: "invalid", problems: mapped.problems }
  }
  const hashes = hashListing(mapped.payload)
  const planned: PlannedListing = { ...base, payload: mapped.payload, hashes, rule_inputs: mapped.ruleInputs }

  if (row.refused_hash && row.refused_hash === fullHash(hashes)) {
    // AliExpress said no to exactly this; sending it again would only be refused again.
    return { ...planned, action: "none" }
  }
  if (!row.ae_product_id) {
    return { ...planned, action: "post", lookup_first: !!row.post_started_at }
  }
  const online = row.status === "offline"
  // AliExpress takes no edit while it reviews a product: the edit waits for the verdict (the
  // reconcile comes back), price and stock go now.
  if (row.content_hash !== hashes.content && row.status !== "auditing") {
    return { ...planned, action: "edit", online }
  }
  const send_price = row.price_hash !== hashes.price
  const send_stock = row.stock_hash !== hashes.stock
  if (send_price || send_stock || online) {
    return { ...planned, action: "update", online, send_price, send_stock }
  }
  if (["invalid", "error", "pending", "draft"].includes(row.status)) {
    // Fixed again with nothing new to send: the listing is what AliExpress last said it was.
    return { ...planned, status: listingStatusFromAe(row.ae_status) }
  }
  return planned
}
