import type { RuntimeConfig } from "./options"
import type { FeedJob, ImageRecord, OrderRecord, ProductRecord, SkuRecord } from "./store"

/** Who a seller is, as token answers, profiles and pushes name it. */
export interface SellerAccount {
  seller_id: string
  user_id: string
  user_nick: string
  account: string
  shop_id: number
  shop_name: string
  country_code: string
}

export type OrderChangeListener = (order: OrderRecord, lastStatus: string, seller: SellerState) => void

/** What a seller's state needs from the process: one clock, one config, one save, one push sender. */
export interface SellerHost {
  readonly config: RuntimeConfig
  /** moves on every change marked dirty */
  readonly version: number
  now(): number
  markDirty(): void
  orderListener?: OrderChangeListener
}

/** One seller's catalogue, orders, image bank, feed jobs and counters; nothing here is seen by another seller. */
export class SellerState {
  products = new Map<string, ProductRecord>()
  skuIndex = new Map<string, string>()
  auditing = new Set<string>()
  orders = new Map<string, OrderRecord>()
  images = new Map<string, ImageRecord>()
  feedJobs = new Map<string, FeedJob>()
  calls: Record<string, number> = {}
  rejectedCalls: Record<string, number> = {}
  pushes = { sent: 0, failed: 0 }
  /** products by status, newest first, as the product list shows them; built again after a change */
  private listed: { version: number; byStatus: Map<string, ProductRecord[]> } | null = null
  /** moves when a product is added, removed or changes status: what the lists above are built from */
  private indexChanges = 0

  constructor(private readonly host: SellerHost, readonly account: SellerAccount) {}

  get sellerId(): string {
    return this.account.seller_id
  }

  /** Ends audits whose delay has passed. */
  settleAudits(): void {
    if (this.auditing.size === 0) {
      return
    }
    const now = this.host.now()
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
      this.setStatus(product, "editingRequired")
      product.audit_failure_reason = product.pending_reject_reason
    } else {
      this.setStatus(product, product.status_after_audit)
      product.audit_failure_reason = undefined
    }
    product.pending_reject_reason = undefined
    product.audit_until = undefined
    product.gmt_modified = Math.max(product.gmt_modified, this.host.now())
    this.auditing.delete(product.product_id)
    this.host.markDirty()
  }

  getProduct(productId: string): ProductRecord | undefined {
    const product = this.products.get(productId)
    if (product && product.status === "auditing" && (product.audit_until ?? 0) <= this.host.now()) {
      this.finishAudit(product)
    }
    return product
  }

  startAudit(product: ProductRecord): void {
    const config = this.host.config
    const subject = product.subjects.map((s) => s.subject.toLowerCase()).join(" ")
    const word = config.rejectWords.find((w) => subject.includes(w.toLowerCase()))
    this.setStatus(product, "auditing")
    product.audit_until = this.host.now() + config.auditDelayMs
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
    this.indexProduct(product)
    this.host.markDirty()
  }

  /** Every change of a product's status goes through here, so the status lists know to be built again. */
  setStatus(product: ProductRecord, status: ProductRecord["status"]): void {
    if (product.status !== status) {
      product.status = status
      this.indexChanges++
    }
  }

  /**
   * The seller's products in one status, newest first. Built again only when a product was
   * added, removed or changed status: a list read page by page (100,000 products, 1,000 pages)
   * would otherwise copy and group the whole catalogue for every page, and during a first sync,
   * when every call changes something, that was a pause of the whole sandbox per list call.
   */
  productsInStatus(status: string): ProductRecord[] {
    const version = this.indexChanges
    if (this.listed?.version !== version) {
      const byStatus = new Map<string, ProductRecord[]>()
      for (const product of this.products.values()) {
        const list = byStatus.get(product.status) ?? []
        list.push(product)
        byStatus.set(product.status, list)
      }
      byStatus.forEach((list) => list.reverse())
      this.listed = { version, byStatus }
    }
    return this.listed.byStatus.get(status) ?? []
  }

  /** Adds a product and its SKUs to the indexes without saving (also used when loading). */
  indexProduct(product: ProductRecord): void {
    this.indexChanges++
    for (const sku of product.skus) {
      this.skuIndex.set(sku.sku_code, product.product_id)
    }
    this.products.set(product.product_id, product)
    if (product.status === "auditing") {
      this.auditing.add(product.product_id)
    }
  }

  deleteProduct(product: ProductRecord): void {
    for (const sku of product.skus) {
      if (this.skuIndex.get(sku.sku_code) === product.product_id) {
        this.skuIndex.delete(sku.sku_code)
      }
    }
    this.products.delete(product.product_id)
    this.auditing.delete(product.product_id)
    this.indexChanges++
    this.host.markDirty()
  }

  /** Stores a new buyer order and tells the push sender, as AliExpress announces a placed order. */
  addOrder(order: OrderRecord): void {
    this.orders.set(order.order_id, order)
    this.host.markDirty()
    this.host.orderListener?.(order, "PLACE_ORDER_SUCCESS", this)
  }

  /** Records an order status change, bumps gmt_update and notifies the push listener. */
  setOrderStatus(order: OrderRecord, status: string): void {
    const last = order.status
    order.status = status
    this.touchOrder(order, last)
  }

  touchOrder(order: OrderRecord, lastStatus: string): void {
    order.gmt_update = Math.max(this.host.now(), order.gmt_update + 1000)
    this.host.markDirty()
    this.host.orderListener?.(order, lastStatus, this)
  }

  countCall(method: string): void {
    this.calls[method] = (this.calls[method] ?? 0) + 1
  }

  countRejection(code: string): void {
    this.rejectedCalls[code] = (this.rejectedCalls[code] ?? 0) + 1
  }

  /** Back to an empty shop: catalogue, orders, feed jobs and counters cleared; the image bank kept. */
  clear(): void {
    this.products.clear()
    this.indexChanges++
    this.skuIndex.clear()
    this.auditing.clear()
    this.orders.clear()
    this.feedJobs.clear()
    this.calls = {}
    this.rejectedCalls = {}
    this.pushes = { sent: 0, failed: 0 }
  }
}
