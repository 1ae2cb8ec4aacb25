import axios from "axios"
import * as auth from "./api/auth"
import type { Payload } from "./api/caller"
import * as catalog from "./api/catalog"
import * as feeds from "./api/feeds"
import * as logistics from "./api/logistics"
import * as orders from "./api/orders"
import * as products from "./api/products"
import * as seller from "./api/seller"
import { assertMethodSucceeded, unwrapRestResponse, unwrapSyncResponse } from "./envelope"
import { ACCESS_TOKEN_REJECTIONS } from "./error-mapping"
import { AliExpressAuthError, AliExpressRateLimitError } from "./errors"
import { rateLimiterFor, type AppRateLimiter, type CallsPerSecond } from "./rate-limiter"
import { withRetry, type RetryOptions } from "./retry"
import { TokenManager } from "./token-manager"
import { sendRequest, type TransportConfig } from "./transport"
import type {
  AliExpressClientOptions,
  CallOptions,
  ClientLogger,
  FeedItem,
  FeedListQuery,
  FeedOperation,
  FulfillOrderInput,
  InventoryUpdate,
  ModifyShipmentInput,
  OrderListQuery,
  PostProductRequest,
  PriceUpdate,
  ProductListQuery,
  StoredTokens,
  TokenSet,
} from "./types"

const DEFAULT_TIMEOUT_MS = 20_000
const DEFAULT_REFRESH_AHEAD_MS = 5 * 60_000

/**
 * AliExpress seller API client: signs, rate-limits, retries, refreshes tokens, validates every
 * answer and throws typed errors (see errors.ts). Ids are strings throughout.
 */
export class AliExpressClient {
  private readonly transport: TransportConfig
  private readonly tokenManager: TokenManager
  private readonly limiter: AppRateLimiter
  private readonly callsPerSecond?: CallsPerSecond
  private readonly retry?: RetryOptions
  private readonly logger: ClientLogger
  private readonly caller = this.call.bind(this)

  constructor(options: AliExpressClientOptions) {
    this.transport = {
      http: options.http ?? axios.create(),
      baseUrl: options.baseUrl,
      appKey: options.appKey,
      appSecret: options.appSecret,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    }
    this.limiter = rateLimiterFor(options.rateLimit?.key ?? options.appKey)
    this.callsPerSecond = options.rateLimit?.callsPerSecond
    this.retry = options.retry
    this.logger = options.logger ?? {}
    this.tokenManager = new TokenManager(
      {
        exchange: (refreshToken) => auth.refreshToken(this.caller, refreshToken),
        onTokens: options.onTokensRefreshed,
        refreshAheadMs: options.refreshAheadMs ?? DEFAULT_REFRESH_AHEAD_MS,
        logger: this.logger,
      },
      options.tokens
    )
  }

  /** The tokens in use (they change when the client refreshes them). */
  get tokens(): StoredTokens | undefined {
    return this.tokenManager.current
  }

  setTokens(tokens: StoredTokens | undefined): void {
    this.tokenManager.set(tokens)
  }

  /**
   * Calls any API method: `method` is the API name (`aliexpress.solution.order.get`) or, with
   * `protocol: "rest"`, the path after /rest. Returns the `_response` object (sync) or the root
   * (rest). Retries retryable errors; with `idempotent: false` (the default) an ambiguous failure
   * such as a timeout is thrown instead.
   */
  async call(method: string, params: Record<string, unknown> = {}, options: CallOptions = {}): Promise<Payload> {
    if (options.authenticated === false) {
      return this.callWithToken(method, params, options, undefined)
    }
    const token = await this.tokenManager.accessToken()
    try {
      return await this.callWithToken(method, params, options, token)
    } catch (error) {
      if (!isAccessTokenRejection(error) || !this.tokenManager.canRefresh()) {
        throw error
      }
      this.logger.debug?.(`AliExpress ${method}: access token rejected, refreshing once`)
      const fresh = await this.tokenManager.refreshAfterRejection(token)
      return this.callWithToken(method, params, options, fresh)
    }
  }

  private callWithToken(method: string, params: Record<string, unknown>, options: CallOptions, accessToken?: string) {
    const protocol = options.protocol ?? "sync"
    return withRetry(
      async (attempt) => {
        await this.limiter.acquire(method, this.callsPerSecond)
        this.logger.debug?.(`AliExpress ${method} attempt ${attempt}`)
        try {
          const response = await sendRequest(this.transport, {
            protocol,
            method,
            params,
            accessToken,
            files: options.files,
            timeoutMs: options.timeoutMs,
          })
          const payload = protocol === "sync" ? unwrapSyncResponse(method, response) : unwrapRestResponse(method, response)
          if (options.checkSuccessFlag !== false) {
            assertMethodSucceeded(method, payload, response.status)
          }
          return payload
        } catch (error) {
          if (error instanceof AliExpressRateLimitError) {
            this.limiter.ban(method, error.banMs)
          }
          throw error
        }
      },
      { idempotent: options.idempotent ?? false },
      this.retry,
      (error, attempt, delayMs) =>
        this.logger.warn?.(`AliExpress ${method} failed (${error.code}${error.subCode ? `/${error.subCode}` : ""}), retry ${attempt} in ${delayMs} ms`)
    )
  }

  /** Exchanges an OAuth code for tokens; the client adopts them and reports them. */
  async createToken(code: string): Promise<TokenSet> {
    const tokens = await auth.createToken(this.caller, code)
    await this.tokenManager.adopt(tokens)
    return tokens
  }

  /** Refreshes now (sharing a refresh under way); the new tokens are adopted and reported. */
  refreshAccessToken(): Promise<TokenSet> {
    return this.tokenManager.refresh()
  }

  getCategoryChildren(categoryId = "0") {
    return catalog.getCategoryChildren(this.caller, categoryId)
  }

  getSkuAttributes(categoryId: string) {
    return catalog.getSkuAttributes(this.caller, categoryId)
  }

  /** The category's item attributes (with their accepted values) and SKU attributes. */
  getCategoryAttributes(categoryId: string) {
    return catalog.getCategoryAttributes(this.caller, categoryId)
  }

  listFreightTemplates() {
    return catalog.listFreightTemplates(this.caller)
  }

  listServiceTemplates() {
    return catalog.listServiceTemplates(this.caller)
  }

  uploadImage(input: { fileName: string; bytes: Buffer; groupId?: string }) {
    return catalog.uploadImage(this.caller, input)
  }

  postProduct(request: PostProductRequest) {
    return products.postProduct(this.caller, request)
  }

  editProduct(productId: string, request: PostProductRequest) {
    return products.editProduct(this.caller, productId, request)
  }

  getProduct(productId: string) {
    return products.getProduct(this.caller, productId)
  }

  listProducts(query: ProductListQuery = {}) {
    return products.listProducts(this.caller, query)
  }

  iterateProducts(query: ProductListQuery = {}) {
    return products.iterateProducts(this.caller, query)
  }

  findProductBySkuCode(skuCode: string) {
    return products.findProductBySkuCode(this.caller, skuCode)
  }

  updatePrices(updates: PriceUpdate[]) {
    return products.updatePrices(this.caller, updates)
  }

  updateInventory(updates: InventoryUpdate[]) {
    return products.updateInventory(this.caller, updates)
  }

  offlineProducts(productIds: string[]) {
    return products.offlineProducts(this.caller, productIds)
  }

  onlineProducts(productIds: string[]) {
    return products.onlineProducts(this.caller, productIds)
  }

  deleteProducts(productIds: string[]) {
    return products.deleteProducts(this.caller, productIds)
  }

  listOrders(query: OrderListQuery = {}) {
    return orders.listOrders(this.caller, query)
  }

  iterateOrders(query: OrderListQuery = {}) {
    return orders.iterateOrders(this.caller, query)
  }

  getOrder(orderId: string) {
    return orders.getOrder(this.caller, orderId)
  }

  listLogisticsServices() {
    return logistics.listLogisticsServices(this.caller)
  }

  fulfillOrder(input: FulfillOrderInput) {
    return logistics.fulfillOrder(this.caller, input)
  }

  modifyShipment(input: ModifyShipmentInput) {
    return logistics.modifyShipment(this.caller, input)
  }

  getReceiptInfo(orderId: string) {
    return orders.getReceiptInfo(this.caller, orderId)
  }

  getMerchantProfile() {
    return seller.getMerchantProfile(this.caller)
  }

  getProductSchema(categoryId: string) {
    return seller.getProductSchema(this.caller, categoryId)
  }

  /** Bulk path: up to 300 items per job, processed asynchronously (see queryFeed). */
  submitFeed(operationType: FeedOperation, items: FeedItem[]) {
    return feeds.submitFeed(this.caller, operationType, items)
  }

  submitInventoryFeed(updates: InventoryUpdate[]) {
    return feeds.submitInventoryFeed(this.caller, updates)
  }

  submitPriceFeed(updates: PriceUpdate[]) {
    return feeds.submitPriceFeed(this.caller, updates)
  }

  queryFeed(jobId: string) {
    return feeds.queryFeed(this.caller, jobId)
  }

  listFeeds(query: FeedListQuery = {}) {
    return feeds.listFeeds(this.caller, query)
  }
}

function isAccessTokenRejection(error: unknown): boolean {
  return error instanceof AliExpressAuthError && (ACCESS_TOKEN_REJECTIONS.has(error.code) || ACCESS_TOKEN_REJECTIONS.has(error.subCode ?? ""))
}
