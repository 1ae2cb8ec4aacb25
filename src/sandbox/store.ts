import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { RuntimeConfig, SeedName } from "./options"
import { ProductExtras } from "./product-extras"
import { FIRST_CHILD_ID, FIRST_ORDER_ID, FIRST_PRODUCT_ID } from "./seed"

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

export interface TokenRecord {
  expires_at: number
  refresh_token?: string
}

export interface CodeRecord {
  expires_at: number
  redirect_uri: string
  used: boolean
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

interface PersistedState {
  version: 1
  seed: SeedName
  clock_offset_ms: number
  next_product_id: string
  next_order_id: string
  next_child_id: string
  products: ProductRecord[]
  orders: OrderRecord[]
  access_tokens: Record<string, TokenRecord>
  refresh_tokens: Record<string, TokenRecord>
  codes: Record<string, CodeRecord>
  images: Record<string, Omit<ImageRecord, "data"> & { data: string }>
  next_job_id?: string
  feed_jobs?: FeedJob[]
  calls: Record<string, number>
  rejected_calls: Record<string, number>
}

export type OrderChangeListener = (order: OrderRecord, lastStatus: string) => void

/** All sandbox data with O(1) indexes; every time check goes through `now()`. */
export class SandboxStore {
  seed: SeedName
  clockOffsetMs = 0
  faults: Faults = {}
  products = new Map<string, ProductRecord>()
  skuIndex = new Map<string, string>()
  auditing = new Set<string>()
  orders = new Map<string, OrderRecord>()
  accessTokens = new Map<string, TokenRecord>()
  refreshTokens = new Map<string, TokenRecord>()
  codes = new Map<string, CodeRecord>()
  images = new Map<string, ImageRecord>()
  feedJobs = new Map<string, FeedJob>()
  calls: Record<string, number> = {}
  rejectedCalls: Record<string, number> = {}
  pushes = { sent: 0, failed: 0 }
  orderListener?: OrderChangeListener
  private nextProductId = FIRST_PRODUCT_ID
  private nextOrderId = FIRST_ORDER_ID
  private nextChildId = FIRST_CHILD_ID
  private nextJobId = FIRST_JOB_ID
  private persistTimer?: NodeJS.Timeout

  constructor(readonly config: RuntimeConfig, seed: SeedName, readonly dataFile?: string) {
    this.seed = seed
  }

  now(): number {
    return Date.now() + this.clockOffsetMs
  }

  newProductId(): string {
    return String(this.nextProductId++)
  }

  newOrderId(): string {
    return String(this.nextOrderId++)
  }

  newChildId(): string {
    return String(this.nextChildId++)
  }

  newJobId(): string {
    return String(this.nextJobId++)
  }

  /** Ends audits whose delay has passed. */
  settleAudits(): void {
    if (this.auditing.size === 0) {
      return
    }
    const now = this.now()
    for (const id of this.auditing) {
      const product = this.products.get(id)
      if (!product || product.status !== "auditing") {
        this.auditing.delete(id)
        continue
      }
      if ((product.audit_until ?? 0) <= now) {
        this.finishAudit(product)
      }
    }
  }

  private finishAudit(product: ProductRecord): void {
    if (product.pending_reject_reason) {
      product.status = "editingRequired"
      product.audit_failure_reason = product.pending_reject_reason
    } else {
      product.status = product.status_after_audit
      product.audit_failure_reason = undefined
    }
    product.pending_reject_reason = undefined
    product.audit_until = undefined
    product.gmt_modified = Math.max(product.gmt_modified, this.now())
    this.auditing.delete(product.product_id)
    this.markDirty()
  }

  getProduct(productId: string): ProductRecord | undefined {
    const product = this.products.get(productId)
    if (product && product.status === "auditing" && (product.audit_until ?? 0) <= this.now()) {
      this.finishAudit(product)
    }
    return product
  }

  startAudit(product: ProductRecord): void {
    const subject = product.subjects.map((s) => s.subject.toLowerCase()).join(" ")
    const word = this.config.rejectWords.find((w) => subject.includes(w.toLowerCase()))
    product.status = "auditing"
    product.audit_until = this.now() + this.config.auditDelayMs
    product.pending_reject_reason = word
      ? `The product title contains the prohibited word "${word}"; remove it and submit the product again.`
      : undefined
    this.auditing.add(product.product_id)
  }

  putProduct(product: ProductRecord, previousSkus: SkuRecord[] = []): void {
    for (const sku of previousSkus) {
      if (this.skuIndex.get(sku.sku_code) === product.product_id) {
        this.skuIndex.delete(sku.sku_code)
      }
    }
    for (const sku of product.skus) {
      this.skuIndex.set(sku.sku_code, product.product_id)
    }
    this.products.set(product.product_id, product)
    this.markDirty()
  }

  deleteProduct(product: ProductRecord): void {
    for (const sku of product.skus) {
      if (this.skuIndex.get(sku.sku_code) === product.product_id) {
        this.skuIndex.delete(sku.sku_code)
      }
    }
    this.products.delete(product.product_id)
    this.auditing.delete(product.product_id)
    this.markDirty()
  }

  /** Records an order status change, bumps gmt_update and notifies the push listener. */
  setOrderStatus(order: OrderRecord, status: string): void {
    const last = order.status
    order.status = status
    this.touchOrder(order, last)
  }

  touchOrder(order: OrderRecord, lastStatus: string): void {
    order.gmt_update = Math.max(this.now(), order.gmt_update + 1000)
    this.markDirty()
    this.orderListener?.(order, lastStatus)
  }

  countCall(method: string): void {
    this.calls[method] = (this.calls[method] ?? 0) + 1
  }

  countRejection(code: string): void {
    this.rejectedCalls[code] = (this.rejectedCalls[code] ?? 0) + 1
  }

  /** Back to the seed: catalogue and orders cleared, tokens, images, clock and config kept. */
  reset(seed: SeedName): void {
    this.seed = seed
    this.products.clear()
    this.skuIndex.clear()
    this.auditing.clear()
    this.orders.clear()
    this.feedJobs.clear()
    this.calls = {}
    this.rejectedCalls = {}
    this.pushes = { sent: 0, failed: 0 }
    this.faults = {}
    this.nextProductId = FIRST_PRODUCT_ID
    this.nextOrderId = FIRST_ORDER_ID
    this.nextChildId = FIRST_CHILD_ID
    this.nextJobId = FIRST_JOB_ID
    this.markDirty()
  }

  randomToken(prefix: string, length = 48): string {
    return prefix + crypto.randomBytes(length).toString("base64url").slice(0, length)
  }

  markDirty(): void {
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
    const text = JSON.stringify(this.toPersisted())
    const tmp = `${this.dataFile}.${process.pid}.tmp`
    await fs.promises.mkdir(path.dirname(path.resolve(this.dataFile)), { recursive: true })
    await fs.promises.writeFile(tmp, text)
    await fs.promises.rename(tmp, this.dataFile)
  }

  private toPersisted(): PersistedState {
    const images: PersistedState["images"] = {}
    for (const [hash, image] of this.images) {
      images[hash] = { ...image, data: image.data.toString("base64") }
    }
    return {
      version: 1,
      seed: this.seed,
      clock_offset_ms: this.clockOffsetMs,
      next_product_id: String(this.nextProductId),
      next_order_id: String(this.nextOrderId),
      next_child_id: String(this.nextChildId),
      products: [...this.products.values()],
      orders: [...this.orders.values()],
      access_tokens: Object.fromEntries(this.accessTokens),
      refresh_tokens: Object.fromEntries(this.refreshTokens),
      codes: Object.fromEntries(this.codes),
      images,
      next_job_id: String(this.nextJobId),
      feed_jobs: [...this.feedJobs.values()],
      calls: this.calls,
      rejected_calls: this.rejectedCalls,
    }
  }

  /** Loads `dataFile` when it exists; returns whether it did. */
  load(): boolean {
    if (!this.dataFile || !fs.existsSync(this.dataFile)) {
      return false
    }
    const data = JSON.parse(fs.readFileSync(this.dataFile, "utf8")) as PersistedState
    if (data.version !== 1) {
      throw new Error(`Unsupported sandbox data file version in ${this.dataFile}`)
    }
    this.seed = data.seed
    this.clockOffsetMs = data.clock_offset_ms ?? 0
    this.nextProductId = BigInt(data.next_product_id)
    this.nextOrderId = BigInt(data.next_order_id)
    this.nextChildId = BigInt(data.next_child_id)
    for (const product of data.products) {
      this.products.set(product.product_id, product)
      for (const sku of product.skus) {
        this.skuIndex.set(sku.sku_code, product.product_id)
      }
      if (product.status === "auditing") {
        this.auditing.add(product.product_id)
      }
    }
    for (const order of data.orders) {
      this.orders.set(order.order_id, order)
    }
    this.accessTokens = new Map(Object.entries(data.access_tokens ?? {}))
    this.refreshTokens = new Map(Object.entries(data.refresh_tokens ?? {}))
    this.codes = new Map(Object.entries(data.codes ?? {}))
    for (const [hash, image] of Object.entries(data.images ?? {})) {
      this.images.set(hash, { ...image, data: Buffer.from(image.data, "base64") })
    }
    this.nextJobId = data.next_job_id ? BigInt(data.next_job_id) : FIRST_JOB_ID
    for (const job of data.feed_jobs ?? []) {
      this.feedJobs.set(job.job_id, job)
    }
    this.calls = data.calls ?? {}
    this.rejectedCalls = data.rejected_calls ?? {}
    return true
  }

  /** The view served by `GET /__sandbox/state`. */
  snapshot(): Record<string, unknown> {
    this.settleAudits()
    return {
      seed: this.seed,
      now: this.now(),
      clock_offset_ms: this.clockOffsetMs,
      products: [...this.products.values()].map((p) => ({
        product_id: p.product_id,
        status: p.status,
        subject: p.subjects.find((s) => s.language === p.language)?.subject ?? p.subjects[0]?.subject,
        category_id: p.category_id,
        audit_failure_reason: p.audit_failure_reason,
        attributes: p.attributes.map((a) => ({
          name_id: a.attribute_name_id,
          value_id: a.attribute_value_id,
          name: a.attribute_name,
          value: a.attribute_value,
        })),
        skus: p.skus.map((s) => ({
          sku_code: s.sku_code,
          price: s.price,
          discount_price: s.discount_price,
          inventory: s.inventory,
          attributes: s.attributes.map((a) => ({ name: a.name, value: a.value })),
        })),
      })),
      orders: [...this.orders.values()].map((o) => ({
        order_id: o.order_id,
        status: o.status,
        end_reason: o.end_reason,
        gmt_create: o.gmt_create,
        gmt_update: o.gmt_update,
        items: o.items.map((i) => ({ sku_code: i.sku_code, quantity: i.quantity, product_id: i.product_id })),
        shipments: o.shipments.map((s) => ({
          service_name: s.service_name,
          logistics_no: s.logistics_no,
          send_type: s.send_type,
          tracking_website: s.tracking_website,
        })),
      })),
      feed_jobs: [...this.feedJobs.values()].map((j) => ({
        job_id: j.job_id,
        operation_type: j.operation_type,
        items: j.items.length,
        finished: !!j.results,
      })),
      calls: this.calls,
      rejected_calls: this.rejectedCalls,
      images: this.images.size,
      tokens: this.accessTokens.size,
      pushes: this.pushes,
      faults: this.faults,
      config: { ...this.config },
    }
  }
}
