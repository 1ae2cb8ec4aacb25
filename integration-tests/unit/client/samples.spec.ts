import { AliExpressClient, resetRateLimiters } from "../../../src/lib/aliexpress"
import { unwrapSyncResponse } from "../../../src/lib/aliexpress/envelope"
import { parseJsonLosslessly } from "../../../src/lib/aliexpress/json"
import * as schemas from "../../../src/lib/aliexpress/schemas"
import { startFakeGateway } from "./support/fake-gateway"
import { sampleFiles, sampleMethod, sampleText } from "./support/fixtures"

/** Serves each captured response for its method, so the whole client pipeline reads real bytes. */
describe("captured AliExpress responses", () => {
  let gateway: Awaited<ReturnType<typeof startFakeGateway>>
  let client: AliExpressClient

  beforeAll(async () => {
    const byMethod = new Map(sampleFiles().filter((f) => !/\.\d+\.json$/.test(f)).map((f) => [sampleMethod(f), sampleText(f)]))
    gateway = await startFakeGateway((request) => ({ body: byMethod.get(request.api) ?? "{}" }))
    resetRateLimiters()
    client = new AliExpressClient({
      baseUrl: gateway.url,
      appKey: "samples",
      appSecret: "secret",
      tokens: { accessToken: "token" },
      rateLimit: { callsPerSecond: 1000 },
    })
  })

  afterAll(() => gateway.stop())

  it("every sample is a success envelope whose ids stay exact strings", () => {
    let bigIds = 0
    for (const file of sampleFiles()) {
      const text = sampleText(file)
      const payload = unwrapSyncResponse(sampleMethod(file), { status: 200, body: parseJsonLosslessly(text) })
      expect(payload).toBeInstanceOf(Object)
      for (const match of text.matchAll(/"(\w*_id)": (\d{16,})/g)) {
        expect(JSON.stringify(payload)).toContain(`"${match[1]}":"${match[2]}"`)
        bigIds++
      }
    }
    expect(bigIds).toBeGreaterThanOrEqual(5)
  })

  it("category tree: English names from multi_language_names", async () => {
    expect(await client.getCategoryChildren("0")).toEqual([{ id: "5090301", name: "Mobile Phones", isLeaf: true, level: 2 }])
  })

  it("product list: the 17-digit product id survives and success wins over a stale error_code", async () => {
    const page = await client.listProducts({ status: "onSelling", pageSize: 20 })
    expect(page).toEqual({
      total: 1201,
      totalPages: 100,
      page: 10,
      items: [{ productId: "23453463456346546", subject: "knew odd", status: "onSelling" }],
    })
  })

  it("product info: status, SKUs with stock counts and images", async () => {
    const product = await client.getProduct("1234")
    expect(product.productId).toBe("1234")
    expect(product.status).toBe("onSelling")
    expect(product.subject).toBe("English description")
    expect(product.categoryId).toBe("123456")
    expect(product.skus).toEqual([
      { skuCode: "ffff00978", price: "200.07", discountPrice: "10.01", inventory: 1234 },
      { skuCode: "cfas00978", price: "200.07", discountPrice: "10.01", inventory: 1234 },
    ])
    expect(product.imageUrls).toHaveLength(5)
  })

  it("batch price and inventory updates: succeeded and failed lists (update_success true beside failures)", async () => {
    const expected = {
      success: false,
      succeeded: ["123"],
      failed: [
        { productId: "123", code: undefined, message: "message" },
        { productId: "1234", code: undefined, message: "message" },
      ],
    }
    expect(await client.updatePrices([{ productId: "123", skus: [{ skuCode: "a", price: "9.99" }] }])).toEqual(expected)
    expect(await client.updateInventory([{ productId: "123", skus: [{ skuCode: "a", inventory: 3 }] }])).toEqual(expected)
  })

  it("order list: summaries with Pacific dates, money and items", async () => {
    const page = await client.listOrders({ createdFrom: new Date("2017-10-01T00:00:00Z"), page: 1, pageSize: 1 })
    expect(page.total).toBe(1)
    expect(page.totalPages).toBe(1)
    expect(page.orders).toEqual([
      {
        orderId: "1160045860056286",
        status: "PLACE_ORDER_SUCCESS",
        endReason: "buyer_confirm_goods",
        gmtCreate: new Date("2017-10-12T19:12:12Z"),
        gmtUpdate: new Date("2017-10-12T19:12:12Z"),
        payAmount: { amount: "1.01", currency: "USD" },
        buyerLoginId: "test",
        buyerName: "test",
        timeoutLeftMs: 120340569,
        items: [
          {
            childId: "23457890",
            productId: "2356980",
            skuCode: "12",
            productName: "mobile",
            quantity: 1,
            unitPrice: { amount: "1.01", currency: "USD" },
            logisticsServiceName: "EMS",
          },
        ],
      },
    ])
  })

  it("logistics services (a stale error_desc next to result_success: true is ignored)", async () => {
    expect(await client.listLogisticsServices()).toEqual([
      {
        serviceName: "CPAM",
        displayName: "China Post Registered Air Mail",
        company: "CPAM",
        trackingRegex: "^[a-zA-z]{2}[A-Za-z0-9]{9}[a-zA-z]{2}$",
        minProcessDay: 1,
        maxProcessDay: 5,
      },
    ])
  })

  it("order fulfil", async () => {
    const result = await client.fulfillOrder({ orderId: "1", serviceName: "CPAM", trackingNumber: "RR123456789CN", sendType: "all" })
    expect(result).toEqual({ success: true })
  })

  it("feed methods: submit, query with per-item results, list with job states", async () => {
    expect(await client.submitInventoryFeed([{ productId: "33030372006", skus: [{ skuCode: "a", inventory: 1 }] }])).toEqual({
      jobId: "200000000060024475",
    })
    expect(await client.queryFeed("200000000060054475")).toEqual({
      jobId: "200000000060054475",
      total: 1,
      succeeded: 1,
      finished: true,
      items: [
        {
          contentId: "A00000000Y1",
          success: true,
          productId: "33030372006",
          errorCode: undefined,
          errorMessage: undefined,
          raw: '{"productId":33030372006,"success":true}',
        },
      ],
    })
    expect(await client.listFeeds({ page: 3 })).toEqual({
      total: 300,
      totalPages: 15,
      page: 3,
      items: [{ jobId: "2000000000123456", status: "PROCESSING", operationType: "PRODUCT_CREATE" }],
    })
  })

  it("receipt info, merchant profile and product schema", async () => {
    expect(await client.getReceiptInfo("1")).toMatchObject({ contactPerson: "Mark", city: "Babenki", country: "RU", zip: "400120", mobileNo: "4679974" })
    expect(await client.getMerchantProfile()).toEqual({
      shopId: "1234321",
      shopName: "test store",
      shopType: "official",
      shopUrl: "//www.aliexpress.com/store/1234321",
      loginId: "es1329072766xyzq",
      countryCode: "ES",
      postingForbidden: false,
    })
    // success: true wins over the stale error_code beside it.
    expect(await client.getProductSchema("5090301")).toEqual({})
  })

  const schemaFor: Record<string, { safeParse(value: unknown): { success: boolean; error?: unknown } }> = {
    "aliexpress.solution.seller.category.tree.query": schemas.categoryTreeSchema,
    "aliexpress.solution.product.list.get": schemas.productListSchema,
    "aliexpress.solution.product.info.get": schemas.productInfoSchema,
    "aliexpress.solution.batch.product.price.update": schemas.batchUpdateSchema,
    "aliexpress.solution.batch.product.inventory.update": schemas.batchUpdateSchema,
    "aliexpress.solution.order.get": schemas.orderListSchema,
    "aliexpress.solution.order.receiptinfo.get": schemas.receiptInfoSchema,
    "aliexpress.logistics.redefining.listlogisticsservice": schemas.logisticsServicesSchema,
    "aliexpress.solution.order.fulfill": schemas.shipmentResultSchema,
    "aliexpress.solution.feed.submit": schemas.feedSubmitSchema,
    "aliexpress.solution.feed.query": schemas.feedQuerySchema,
    "aliexpress.solution.feed.list.get": schemas.feedListSchema,
    "aliexpress.solution.merchant.profile.get": schemas.merchantProfileSchema,
    "aliexpress.solution.product.schema.get": schemas.productSchemaSchema,
  }

  it.each(sampleFiles())("%s parses with the client's schema for its method", (file) => {
    const schema = schemaFor[sampleMethod(file)]
    if (!schema) {
      throw new Error(`no client schema for ${sampleMethod(file)}: add one and list it here`)
    }
    const payload = unwrapSyncResponse(sampleMethod(file), { status: 200, body: parseJsonLosslessly(sampleText(file)) })
    const result = schema.safeParse(payload)
    expect(result.error).toBeUndefined()
    expect(result.success).toBe(true)
  })
})
