import type { SeedName } from "./options"
import { SELLER } from "./seed"
import type { SellerAccount, SellerState } from "./seller-state"
import type { CodeRecord, FeedJob, ImageRecord, OrderRecord, ProductRecord, SandboxStore, TokenRecord } from "./store"

type PersistedImages = Record<string, Omit<ImageRecord, "data"> & { data: string }>
type Persisted<T> = Omit<T, "seller_id"> & { seller_id?: string }

/** The single-seller file written before sellers existed: its data belongs to the seeded seller. */
interface PersistedStateV1 {
  version: 1
  seed: SeedName
  clock_offset_ms: number
  next_product_id: string
  next_order_id: string
  next_child_id: string
  products: ProductRecord[]
  orders: OrderRecord[]
  access_tokens: Record<string, Persisted<TokenRecord>>
  refresh_tokens: Record<string, Persisted<TokenRecord>>
  codes: Record<string, Persisted<CodeRecord>>
  images: PersistedImages
  next_job_id?: string
  feed_jobs?: FeedJob[]
  calls: Record<string, number>
  rejected_calls: Record<string, number>
}

interface PersistedSeller {
  account: SellerAccount
  products: ProductRecord[]
  orders: OrderRecord[]
  images: PersistedImages
  feed_jobs: FeedJob[]
  calls: Record<string, number>
  rejected_calls: Record<string, number>
}

interface PersistedStateV2 {
  version: 2
  seed: SeedName
  clock_offset_ms: number
  next_product_id: string
  next_order_id: string
  next_child_id: string
  next_job_id: string
  next_seller_id: string
  access_tokens: Record<string, TokenRecord>
  refresh_tokens: Record<string, TokenRecord>
  codes: Record<string, CodeRecord>
  sellers: PersistedSeller[]
}

export type PersistedState = PersistedStateV1 | PersistedStateV2

function imagesOut(images: Map<string, ImageRecord>): PersistedImages {
  const out: PersistedImages = {}
  for (const [hash, image] of images) {
    out[hash] = { ...image, data: image.data.toString("base64") }
  }
  return out
}

function sellerOut(seller: SellerState): PersistedSeller {
  return {
    account: seller.account,
    products: [...seller.products.values()],
    orders: [...seller.orders.values()],
    images: imagesOut(seller.images),
    feed_jobs: [...seller.feedJobs.values()],
    calls: seller.calls,
    rejected_calls: seller.rejectedCalls,
  }
}

export function toPersisted(store: SandboxStore): PersistedStateV2 {
  return {
    version: 2,
    seed: store.seed,
    clock_offset_ms: store.clockOffsetMs,
    next_product_id: store.ids.product.toString(),
    next_order_id: store.ids.order.toString(),
    next_child_id: store.ids.child.toString(),
    next_job_id: store.ids.job.toString(),
    next_seller_id: store.ids.seller.toString(),
    access_tokens: Object.fromEntries(store.accessTokens),
    refresh_tokens: Object.fromEntries(store.refreshTokens),
    codes: Object.fromEntries(store.codes),
    sellers: [...store.sellers.values()].map(sellerOut),
  }
}

function sellerIn(seller: SellerState, data: Omit<PersistedSeller, "account">): void {
  for (const product of data.products) {
    seller.indexProduct(product)
  }
  for (const order of data.orders) {
    seller.orders.set(order.order_id, order)
  }
  for (const [hash, image] of Object.entries(data.images ?? {})) {
    seller.images.set(hash, { ...image, data: Buffer.from(image.data, "base64") })
  }
  for (const job of data.feed_jobs ?? []) {
    seller.feedJobs.set(job.job_id, job)
  }
  seller.calls = data.calls ?? {}
  seller.rejectedCalls = data.rejected_calls ?? {}
}

/** Tokens and codes of a file without sellers belong to the seeded seller. */
function owned<T>(records: Record<string, Persisted<T>> | undefined): Map<string, T> {
  return new Map(Object.entries(records ?? {}).map(([key, value]) => [key, { ...value, seller_id: value.seller_id ?? SELLER.seller_id } as T]))
}

/** Fills an empty store (holding only the seeded seller) from a saved file of either version. */
export function applyPersisted(store: SandboxStore, data: PersistedState, file: string): void {
  if (data.version !== 1 && data.version !== 2) {
    throw new Error(`Unsupported sandbox data file version in ${file}`)
  }
  store.seed = data.seed
  store.clockOffsetMs = data.clock_offset_ms ?? 0
  store.ids.product = BigInt(data.next_product_id)
  store.ids.order = BigInt(data.next_order_id)
  store.ids.child = BigInt(data.next_child_id)
  if (data.next_job_id) {
    store.ids.job = BigInt(data.next_job_id)
  }
  store.accessTokens = owned(data.access_tokens)
  store.refreshTokens = owned(data.refresh_tokens)
  store.codes = owned(data.codes)
  if (data.version === 1) {
    sellerIn(store.seeded, { ...data, feed_jobs: data.feed_jobs ?? [] })
    return
  }
  store.ids.seller = BigInt(data.next_seller_id)
  for (const saved of data.sellers) {
    sellerIn(store.addSeller(saved.account), saved)
  }
}
