import fs from "node:fs"
import path from "node:path"
import { RuntimeConfig, SeedName } from "./options"
import { ProductExtras } from "./product-extras"
import { FIRST_CHILD_ID, FIRST_ORDER_ID, FIRST_PRODUCT_ID, FIRST_SELLER_ID, SELLER } from "./seed"
import { OrderChangeListener, SellerAccount, SellerState } from "./seller-state"
import { PersistedState, applyPersisted, toPersisted } from "./store-persistence"
import { sellerSnapshot } from "./store-snapshot"

export type { OrderChangeListener, SellerAccount } from "./seller-state"
export { SellerState } from "./seller-state"

/** Feed job ids run past 2^53 like the captured ones (200000000060024475). */
const FIRST_JOB_ID = 200000000060000001n

export type ProductStatus = "onSelling" | "offline" | "auditing" | "editingRequired"

export interface SkuAttribute {
  name: string
  value: string
  image?: string
}

export interface SkuRecord {
  sku_code: string
  price: string
  discount_price?: string
  inventory: number
  attributes: SkuAttribute[]
}

export interface ProductAttribute {
  attribute_name?: string
  attribute_value?: string
  attribute_name_id?: number
  attribute_value_id?: number
}

export interface ProductRecord {
  product_id: string
  status: ProductStatus
  status_after_audit: "onSelling" | "offline"
  audit_until?: number
  pending_reject_reason?: string
  audit_failure_reason?: string
  category_id: number
  language: string
  subjects: { language: string; subject: string }[]
  descriptions: { language: string; web_detail?: string; mobile_detail?: string }[]
  images: string[]
  skus: SkuRecord[]
  attributes: ProductAttribute[]
  package_length: number
  package_width: number
  package_height: number
  weight: string
  shipping_lead_time: number
  freight_template_id: number
  service_policy_id: number
  product_unit: number
  lot_num: number
  package_type: boolean
  inventory_deduction_strategy: string
  extras?: ProductExtras
  gmt_create: number
  gmt_modified: number
  offline_date?: number
}

export interface Shipment {
  service_name: string
  logistics_no: string
  send_type: "all" | "part"
  tracking_website?: string
  description?: string
  gmt_send: number
}

export interface OrderItem {
  child_id: string
  product_id: string
  sku_code: string
  product_name: string
  quantity: number
  unit_price: string
  image?: string
  attributes: SkuAttribute[]
}

export interface Buyer {
  login_id: string
  first_name: string
  last_name: string
  email?: string
  country: string
}

export interface Address {
  contact_person: string
  address: string
  address2?: string
  city: string
  province: string
  country: string
  zip: string
  phone_number: string
}

export interface OrderRecord {
  order_id: string
  status: string
  end_reason?: string
  gmt_create: number
  gmt_update: number
  gmt_pay: number
  ship_deadline: number
  buyer: Buyer
  address: Address
  currency: string
  shipping_amount: string
  items: OrderItem[]
  shipments: Shipment[]
}

export type FeedOperation = "PRODUCT_CREATE" | "PRODUCT_FULL_UPDATE" | "PRODUCT_STOCKS_UPDATE" | "PRODUCT_PRICES_UPDATE"

export interface FeedItemResult {
  item_content_id: string
  /** The JSON text AliExpress puts in `item_execution_result`. */
  execution_result: string
  success: boolean
}

/** A feed.submit job: queued, processed, then finished with one result per item. */
export interface FeedJob {
  job_id: string
  operation_type: FeedOperation
  items: { item_content_id: string; item_content: string }[]
  created_at: number
  results?: FeedItemResult[]
}

/** A token or code answers for one seller only. */
export interface TokenRecord {
  expires_at: number
  refresh_token?: string
  seller_id: string
}

export interface CodeRecord {
  expires_at: number
  redirect_uri: string
  used: boolean
  seller_id: string
}

export interface ImageRecord {
  ext: "jpg" | "png" | "gif"
  content_type: string
  data: Buffer
  width: number
  height: number
  file_name?: string
}

export interface Faults {
  error_rate?: number
  latency_ms?: number
  lose_response_rate?: number
  hang_rate?: number
  malformed_rate?: number
  ban_rate?: number
}

/** Next values of the id sequences; product, order and job ids are shared so they stay unique across sellers. */
interface IdCounters {
  product: bigint
  order: bigint
  child: bigint
  job: bigint
  seller: bigint
}

const firstIds = (): IdCounters => ({
  product: FIRST_PRODUCT_ID,
  order: FIRST_ORDER_ID,
  child: FIRST_CHILD_ID,
  job: FIRST_JOB_ID,
  seller: FIRST_SELLER_ID,
})

/**
 * All sandbox data: one state per seller (catalogue, orders, image bank, feeds, counters) and the
 * process-wide parts (clock, config, faults, tokens, id sequences). Every time check goes through `now()`.
 */
export class SandboxStore {
  seed: SeedName
  clockOffsetMs = 0
  faults: Faults = {}
  accessTokens = new Map<string, TokenRecord>()
  refreshTokens = new Map<string, TokenRecord>()
  codes = new Map<string, CodeRecord>()
  sellers = new Map<string, SellerState>()
  ids: IdCounters = firstIds()
  orderListener?: OrderChangeListener
  private persistTimer?: NodeJS.Timeout

  constructor(readonly config: RuntimeConfig, seed: SeedName, readonly dataFile?: string) {
    this.seed = seed
    this.addSeller(SELLER)
  }

  /** The seller every sandbox starts with, and the one control routes mean when given no seller_id. */
  get seeded(): SellerState {
    return this.sellers.get(SELLER.seller_id)!
  }

  // The seeded seller's data under the names it had before sellers existed (benchmarks read them).
  get products(): Map<string, ProductRecord> {
    return this.seeded.products
  }
  get skuIndex(): Map<string, string> {
    return this.seeded.skuIndex
  }
  get orders(): Map<string, OrderRecord> {
    return this.seeded.orders
  }
  get images(): Map<string, ImageRecord> {
    return this.seeded.images
  }
  get feedJobs(): Map<string, FeedJob> {
    return this.seeded.feedJobs
  }
  get calls(): Record<string, number> {
    return this.seeded.calls
  }
  get rejectedCalls(): Record<string, number> {
    return this.seeded.rejectedCalls
  }
  get pushes(): { sent: number; failed: number } {
    return this.seeded.pushes
  }

  now(): number {
    return Date.now() + this.clockOffsetMs
  }

  newProductId(): string {
    return String(this.ids.product++)
  }

  newOrderId(): string {
    return String(this.ids.order++)
  }

  newChildId(): string {
    return String(this.ids.child++)
  }

  newJobId(): string {
    return String(this.ids.job++)
  }

  /** The seller with this id; without an id, the seeded seller. */
  seller(sellerId?: string): SellerState | undefined {
    return sellerId === undefined ? this.seeded : this.sellers.get(sellerId)
  }

  /** Registers a seller with this account, or returns the one already registered under its id. */
  addSeller(account: SellerAccount): SellerState {
    let seller = this.sellers.get(account.seller_id)
    if (!seller) {
      seller = new SellerState(this, { ...account })
      this.sellers.set(account.seller_id, seller)
    }
    return seller
  }

  /** A new seller with an empty shop; the nick must not be taken. */
  createSeller(nick?: string): SellerState {
    const sellerId = String(this.ids.seller++)
    const userNick = nick ?? `seller-${sellerId}`
    const seller = this.addSeller({
      seller_id: sellerId,
      user_id: sellerId,
      user_nick: userNick,
      account: `${userNick}@example.com`,
      shop_id: SELLER.shop_id + Number(BigInt(sellerId) - BigInt(SELLER.seller_id)),
      shop_name: `${userNick} Store`,
      country_code: SELLER.country_code,
    })
    this.markDirty()
    return seller
  }

  sellerByNick(nick: string): SellerState | undefined {
    return [...this.sellers.values()].find((s) => s.account.user_nick === nick)
  }

  /** The seller an order belongs to, with the order. */
  findOrder(orderId: string): { seller: SellerState; order: OrderRecord } | undefined {
    for (const seller of this.sellers.values()) {
      const order = seller.orders.get(orderId)
      if (order) {
        return { seller, order }
      }
    }
    return undefined
  }

  /** An image from any seller's bank: image URLs are public, as on AliExpress's CDN. */
  /** Moves an order to a status as its seller would (by-hand cases the control API has no action for). */
  setOrderStatus(order: OrderRecord, status: string): void {
    const found = this.findOrder(order.order_id)
    if (!found) {
      throw new Error(`order ${order.order_id} is not in the sandbox`)
    }
    found.seller.setOrderStatus(order, status)
  }

  findImage(hash: string): ImageRecord | undefined {
    for (const seller of this.sellers.values()) {
      const image = seller.images.get(hash)
      if (image) {
        return image
      }
    }
    return undefined
  }

  /** Ends audits whose delay has passed, for every seller. */
  settleAudits(): void {
    for (const seller of this.sellers.values()) {
      seller.settleAudits()
    }
  }

  /**
   * Back to the seed: only the seeded seller is left, its catalogue and orders cleared; its tokens
   * and images, the clock and the config are kept.
   */
  reset(seed: SeedName): void {
    this.seed = seed
    for (const id of this.sellers.keys()) {
      if (id !== SELLER.seller_id) {
        this.sellers.delete(id)
      }
    }
    for (const map of [this.accessTokens, this.refreshTokens, this.codes]) {
      for (const [key, record] of map) {
        if (record.seller_id !== SELLER.seller_id) {
          map.delete(key)
        }
      }
    }
    this.seeded.clear()
    this.faults = {}
    this.ids = firstIds()
    this.markDirty()
  }

  /** Counts changes, so views built from the state (product lists) know when to build again. */
  version = 0

  markDirty(): void {
    this.version++
    if (!this.dataFile || this.persistTimer) {
      return
    }
    this.persistTimer = setTimeout(() => {
      this.persistTimer = undefined
      void this.flush()
    }, 200)
    this.persistTimer.unref?.()
  }

  async flush(): Promise<void> {
    if (!this.dataFile) {
      return
    }
    if (this.persistTimer) {
      clearTimeout(this.persistTimer)
      this.persistTimer = undefined
    }
    const text = JSON.stringify(toPersisted(this))
    const tmp = `${this.dataFile}.${process.pid}.tmp`
    await fs.promises.mkdir(path.dirname(path.resolve(this.dataFile)), { recursive: true })
    await fs.promises.writeFile(tmp, text)
    await fs.promises.rename(tmp, this.dataFile)
  }

  /** Loads `dataFile` when it exists (a single-seller file becomes the seeded seller); returns whether it did. */
  load(): boolean {
    if (!this.dataFile || !fs.existsSync(this.dataFile)) {
      return false
    }
    const data = JSON.parse(fs.readFileSync(this.dataFile, "utf8")) as PersistedState
    applyPersisted(this, data, this.dataFile)
    return true
  }

  /** The view served by `GET /__sandbox/state`: one seller's data with the process-wide settings. */
  snapshot(seller: SellerState = this.seeded): Record<string, unknown> {
    seller.settleAudits()
    let tokens = 0
    for (const record of this.accessTokens.values()) {
      tokens += record.seller_id === seller.sellerId ? 1 : 0
    }
    return {
      seed: this.seed,
      now: this.now(),
      clock_offset_ms: this.clockOffsetMs,
      ...sellerSnapshot(seller),
      tokens,
      pushes: seller.pushes,
      faults: this.faults,
      config: { ...this.config },
      seller: { seller_id: seller.sellerId, user_nick: seller.account.user_nick },
      sellers: [...this.sellers.values()].map((s) => ({ seller_id: s.sellerId, user_nick: s.account.user_nick })),
    }
  }
}
