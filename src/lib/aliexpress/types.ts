import type { AxiosInstance } from "axios"
import type { CallsPerSecond } from "./rate-limiter"
import type { RetryOptions } from "./retry"

export interface TokenSet {
  accessToken: string
  refreshToken: string
  accessTokenExpiresAt: Date
  refreshTokenExpiresAt: Date
  sellerId?: string
  userId?: string
  userNick?: string
  account?: string
}

/** The tokens a client starts with; expiries are optional (then no refresh ahead of time). */
export interface StoredTokens {
  accessToken: string
  refreshToken?: string
  accessTokenExpiresAt?: Date
  refreshTokenExpiresAt?: Date
}

export interface ClientLogger {
  debug?(message: string): void
  warn?(message: string): void
}

export interface AliExpressClientOptions {
  /** e.g. `https://api-sg.aliexpress.com` or a local sandbox URL. */
  baseUrl: string
  appKey: string
  appSecret: string
  tokens?: StoredTokens
  /** Called whenever the client obtains new tokens; persist them (the refresh token may rotate). */
  onTokensRefreshed?: (tokens: TokenSet) => void | Promise<void>
  timeoutMs?: number
  retry?: RetryOptions
  /**
   * `callsPerSecond` per method; `key` names whose calls share one limiter (default: the app
   * key). AliExpress counts per app and seller, so each seller account of one app has its own.
   */
  rateLimit?: { callsPerSecond?: CallsPerSecond; key?: string }
  /** Refresh the access token when it expires within this window (default 5 minutes). */
  refreshAheadMs?: number
  logger?: ClientLogger
  http?: AxiosInstance
}

export interface CallOptions {
  /** Default false: an ambiguous failure (timeout) is thrown instead of retried. */
  idempotent?: boolean
  /** `sync` (default) for business methods, `rest` for /rest paths. */
  protocol?: "sync" | "rest"
  /** Default true; false for calls that need no seller token (token create/refresh). */
  authenticated?: boolean
  files?: Record<string, { fileName: string; bytes: Buffer; contentType?: string }>
  timeoutMs?: number
  /** Default true: throw when the answer says `success: false`. */
  checkSuccessFlag?: boolean
}

export interface Money {
  amount: string
  currency?: string
}

export interface Category {
  id: string
  name: string
  isLeaf: boolean
  level?: number
}

export interface SkuAttribute {
  name: string
  required: boolean
  customizedNameAllowed: boolean
  customizedPictureAllowed: boolean
  values: string[]
}

/** An item attribute of a category ("item specifics": Brand Name, Origin, Material, ...). */
export interface CategoryAttribute {
  nameId: string
  name: string
  required: boolean
  /** single: one value of the list; multi: several; text: free text */
  input: "single" | "multi" | "text"
  values: Array<{ id: string; name: string }>
}

export interface CategoryAttributeSet {
  categoryId: string
  skuAttributes: SkuAttribute[]
  attributes: CategoryAttribute[]
}

export interface FreightTemplate {
  id: string
  name: string
  isDefault: boolean
}

export interface ServiceTemplate {
  id: string
  name: string
}

/** The `post_product_request` DTO of `aliexpress.solution.product.post`, in AliExpress' own names. */
export interface PostProductRequest {
  aliexpress_category_id: string | number
  /** The main language, e.g. `en`. */
  language: string
  multi_language_subject_list: Array<{ language: string; subject: string }>
  multi_language_description_list: Array<{ language: string; web_detail: string; mobile_detail?: string }>
  /** Image-bank URLs, at most 6. */
  main_image_urls_list: string[]
  sku_info_list: PostProductSku[]
  /**
   * The category's item attributes, by the DTO's four fill types: a value id, free text, the
   * "Other" value id with text, or a custom name with a value.
   */
  attribute_list?: Array<{
    aliexpress_attribute_name_id?: string | number
    aliexpress_attribute_value_id?: string | number
    attribute_name?: string
    attribute_value?: string
  }>
  /** Whole centimetres, 1-700. */
  package_length: number
  package_width: number
  package_height: number
  /** Kilograms as a decimal string, 0.001-500. */
  weight: string
  shipping_lead_time: number
  freight_template_id: string | number
  /** 0 = the default service template. */
  service_policy_id?: string | number
  /** 100000015 piece, 100000017 set, 100000013 pair, ... */
  product_unit: number
  lot_num?: number
  package_type?: boolean
  inventory_deduction_strategy?: string
  [extraField: string]: unknown
}

export interface PostProductSku {
  sku_code: string
  /** Decimal string, 0.01-999999. */
  price: string
  /** Below price; leaving it out removes the discount. */
  discount_price?: string
  inventory: number
  sku_attributes_list?: Array<{ sku_attribute_name: string; sku_attribute_value: string; sku_image_url?: string }>
}

export interface ProductSku {
  skuCode: string
  price?: string
  discountPrice?: string
  inventory?: number
}

export interface ProductDetail {
  productId: string
  status: "onSelling" | "offline" | "auditing" | "editingRequired" | (string & {})
  subject?: string
  skus: ProductSku[]
  categoryId?: string
  imageUrls: string[]
  auditFailureReason?: string
}

export interface ProductListQuery {
  page?: number
  /** Below 100. */
  pageSize?: number
  /** AliExpress lists one status at a time; default `onSelling`. */
  status?: "onSelling" | "offline" | "auditing" | "editingRequired"
  skuCode?: string
}

export interface ProductSummary {
  productId: string
  subject?: string
  status?: string
}

export interface Page<T> {
  total: number
  totalPages: number
  page: number
  items: T[]
}

export interface PriceUpdate {
  productId: string
  skus: Array<{ skuCode: string; price: string | number; discountPrice?: string | number }>
}

export interface InventoryUpdate {
  productId: string
  skus: Array<{ skuCode: string; inventory: number }>
}

export interface BatchUpdateResult {
  /** True when every product was updated (AliExpress's own update_success stays true beside failures). */
  success: boolean
  succeeded: string[]
  failed: Array<{ productId: string; code?: string; message?: string }>
}

export interface ProductStatusChangeResult {
  success: boolean
  modifyCount: number
  errors: Array<{ code?: string; message?: string; productIds: string[] }>
}

export interface OrderListQuery {
  createdFrom?: Date
  createdTo?: Date
  modifiedFrom?: Date
  modifiedTo?: Date
  statuses?: string[]
  page?: number
  pageSize?: number
}

export interface OrderItemSummary {
  childId?: string
  productId?: string
  skuCode?: string
  productName?: string
  quantity: number
  unitPrice?: Money
  logisticsServiceName?: string
}

export interface OrderSummary {
  orderId: string
  status?: string
  endReason?: string
  gmtCreate?: Date
  gmtUpdate?: Date
  payAmount?: Money
  buyerLoginId?: string
  buyerName?: string
  timeoutLeftMs?: number
  items: OrderItemSummary[]
}

export interface OrderPage {
  total: number
  totalPages: number
  page: number
  orders: OrderSummary[]
}

export interface OrderAddress {
  contactPerson?: string
  address?: string
  address2?: string
  city?: string
  province?: string
  country?: string
  zip?: string
  phoneCountry?: string
  phoneNumber?: string
  mobileNo?: string
}

export interface OrderDetail {
  orderId: string
  status?: string
  /** why a FINISH order ended, e.g. buyer_confirm_goods or a cancel reason */
  endReason?: string
  gmtCreate?: Date
  orderAmount?: Money
  logisticsAmount?: Money
  buyer: { loginId?: string; firstName?: string; lastName?: string; country?: string }
  shippingAddress: OrderAddress
  items: Array<{
    childOrderId?: string
    productId?: string
    skuCode?: string
    productName?: string
    quantity: number
    unitPrice?: Money
  }>
  shipments: Array<{ trackingNumber?: string; serviceName?: string; sentAt?: Date }>
}

export interface LogisticsService {
  serviceName: string
  displayName?: string
  company?: string
  trackingRegex?: string
  minProcessDay?: number
  maxProcessDay?: number
}

export interface FulfillOrderInput {
  orderId: string
  serviceName: string
  trackingNumber: string
  sendType: "all" | "part"
  /** Required for "other" carriers such as `OTHER_US_OVERSEAS`. */
  trackingWebsite?: string
  /** At most 512 characters. */
  description?: string
}

export interface ModifyShipmentInput {
  orderId: string
  oldServiceName: string
  oldTrackingNumber: string
  newServiceName: string
  newTrackingNumber: string
  sendType: "all" | "part"
  trackingWebsite?: string
  description?: string
}

export type FeedOperation = "PRODUCT_CREATE" | "PRODUCT_FULL_UPDATE" | "PRODUCT_STOCKS_UPDATE" | "PRODUCT_PRICES_UPDATE"

/** One feed item: `content` is the item's JSON (an object is serialised, ids as bare numbers). */
export interface FeedItem {
  contentId: string
  content: Record<string, unknown> | string
}

export interface FeedItemResult {
  contentId: string
  success: boolean
  productId?: string
  errorCode?: string
  errorMessage?: string
  /** `item_execution_result` as AliExpress sent it. */
  raw: string
}

export interface FeedResult {
  jobId: string
  total: number
  succeeded: number
  items: FeedItemResult[]
  /** Every item has its result. */
  finished: boolean
}

export interface FeedJobSummary {
  jobId: string
  status: "QUEUEING" | "PROCESSING" | "FINISH" | (string & {})
  operationType: FeedOperation | (string & {})
}

export interface FeedListQuery {
  status?: "QUEUEING" | "PROCESSING" | "FINISH"
  operationType?: FeedOperation
  page?: number
  pageSize?: number
}

export interface MerchantProfile {
  shopId?: string
  shopName?: string
  shopType?: string
  shopUrl?: string
  loginId?: string
  countryCode?: string
  postingForbidden: boolean
}
