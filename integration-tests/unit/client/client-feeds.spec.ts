import { AliExpressClient, AliExpressPermanentError, resetRateLimiters } from "../../../src/lib/aliexpress"
import { startSandbox } from "../../../src/sandbox"
import { control, mugProduct, PNG, type Sandbox } from "./support/sandbox-mug"

const product = (skuCode: string, imageUrl: string, subject = "Enamel camping mug") => mugProduct(skuCode, imageUrl, subject)

const APP_KEY = "sandbox-feed-app"
const APP_SECRET = "sandbox-feed-secret"
const FEED_DELAY_MS = 1000
const MISSING = "1005006999999999999"

describe("AliExpressClient feed methods against the sandbox", () => {
  let sandbox: Sandbox
  let client: AliExpressClient
  let imageUrl = ""
  let productId = ""

  /** Moves the sandbox clock past the job's processing time. */
  const finish = () => control(sandbox, "/clock", { advance_ms: FEED_DELAY_MS })

  beforeAll(async () => {
    sandbox = await startSandbox({ appKey: APP_KEY, appSecret: APP_SECRET, seed: "empty", auditDelayMs: 0, feedDelayMs: FEED_DELAY_MS, rateLimitPerSecond: 0 })
    resetRateLimiters()
    const minted = await control<{ access_token: string }>(sandbox, "/tokens")
    client = new AliExpressClient({ baseUrl: sandbox.url, appKey: APP_KEY, appSecret: APP_SECRET, tokens: { accessToken: minted.access_token }, timeoutMs: 5000 })
    imageUrl = (await client.uploadImage({ fileName: "mug.png", bytes: PNG })).url
    productId = (await client.postProduct(product("ENA", imageUrl))).productId
  })

  afterAll(() => sandbox.stop())

  it("a stock feed goes QUEUEING -> PROCESSING -> FINISH with a result per item", async () => {
    const { jobId } = await client.submitInventoryFeed([
      { productId, skus: [{ skuCode: "ENA-W", inventory: 33 }] },
      { productId: MISSING, skus: [{ skuCode: "X", inventory: 1 }] },
    ])
    expect(BigInt(jobId) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true)
    expect((await client.listFeeds()).items[0]).toEqual({ jobId, status: "QUEUEING", operationType: "PRODUCT_STOCKS_UPDATE" })
    expect(await client.queryFeed(jobId)).toMatchObject({ jobId, total: 2, succeeded: 0, items: [], finished: false })

    await control(sandbox, "/clock", { advance_ms: FEED_DELAY_MS / 2 })
    const processing = await client.listFeeds({ status: "PROCESSING" })
    expect(processing.items.map((job) => job.jobId)).toEqual([jobId])
    expect((await client.getProduct(productId)).skus[0].inventory).toBe(10)

    await control(sandbox, "/clock", { advance_ms: FEED_DELAY_MS / 2 })
    const done = await client.queryFeed(jobId)
    expect(done).toMatchObject({ jobId, total: 2, succeeded: 1, finished: true })
    expect(done.items).toEqual([
      { contentId: productId, success: true, productId, errorCode: undefined, errorMessage: undefined, raw: `{"productId":${productId},"success":true}` },
      expect.objectContaining({ contentId: MISSING, success: false, productId: MISSING, errorCode: "isv.product-not-exist" }),
    ])
    expect((await client.getProduct(productId)).skus[0].inventory).toBe(33)
    expect((await client.listFeeds({ status: "FINISH" })).items.map((job) => job.jobId)).toContain(jobId)
  })

  it("a price feed applies the batch price rules per item", async () => {
    const { jobId } = await client.submitPriceFeed([
      { productId, skus: [{ skuCode: "ENA-W", price: "15.00", discountPrice: "13.50" }, { skuCode: "ENA-B", price: "14.00" }] },
    ])
    const bad = await client.submitPriceFeed([{ productId, skus: [{ skuCode: "ENA-W", price: "5.00", discountPrice: "6.00" }] }])
    await finish()
    expect((await client.queryFeed(jobId)).items[0]).toMatchObject({ success: true, productId })
    expect((await client.queryFeed(bad.jobId)).items[0]).toMatchObject({ success: false, errorCode: "F00-00-10020-002" })
    expect((await client.getProduct(productId)).skus).toEqual([
      { skuCode: "ENA-W", price: "15.00", discountPrice: "13.50", inventory: 33 },
      { skuCode: "ENA-B", price: "14.00", discountPrice: undefined, inventory: 4 },
    ])
  })

  it("PRODUCT_CREATE and PRODUCT_FULL_UPDATE follow the product.post and product.edit rules", async () => {
    const invalid = { ...product("BAD", imageUrl), package_length: 0 }
    const taken = product("ENA", imageUrl)
    const created = await client.submitFeed("PRODUCT_CREATE", [
      { contentId: "new-1", content: product("NEW", imageUrl, "Enamel mug, blue") },
      { contentId: "bad-1", content: invalid },
      { contentId: "dup-1", content: taken },
    ])
    await finish()
    const result = await client.queryFeed(created.jobId)
    expect(result.items.map((item) => [item.contentId, item.success, item.errorCode])).toEqual([
      ["new-1", true, undefined],
      ["bad-1", false, "F00-00-10020-002"],
      ["dup-1", false, "F00-00-10007-007"],
    ])
    const newId = result.items[0].productId!
    expect(await client.findProductBySkuCode("NEW-W")).toMatchObject({ productId: newId })

    const updated = await client.submitFeed("PRODUCT_FULL_UPDATE", [
      { contentId: newId, content: { aliexpress_product_id: newId, multi_language_subject_list: [{ language: "en", subject: "Enamel mug, navy" }] } },
    ])
    await finish()
    expect((await client.queryFeed(updated.jobId)).items[0]).toMatchObject({ success: true, productId: newId })
    expect((await client.getProduct(newId)).subject).toBe("Enamel mug, navy")
  })

  it("the item limit is checked before sending and by the sandbox", async () => {
    const items = Array.from({ length: 301 }, (_, i) => ({ contentId: `c${i}`, content: { aliexpress_product_id: productId } }))
    await expect(client.submitFeed("PRODUCT_STOCKS_UPDATE", items)).rejects.toMatchObject({ code: "InvalidArgument" })
    const raw = items.map((item) => ({ item_content_id: item.contentId, item_content: JSON.stringify(item.content) }))
    const error = await client.call("aliexpress.solution.feed.submit", { operation_type: "PRODUCT_STOCKS_UPDATE", item_list: raw }).catch((e) => e)
    expect(error).toBeInstanceOf(AliExpressPermanentError)
    expect(error.subCode).toBe("isv.invalid-parameter")
    expect(error.message).toContain("300")
    const unknown = await client.call("aliexpress.solution.feed.submit", { operation_type: "PRODUCT_DELETE", item_list: raw.slice(0, 1) }).catch((e) => e)
    expect(unknown.message).toContain("operation_type")
  })

  it("an item that is not JSON fails alone; a duplicate content id refuses the job", async () => {
    const { jobId } = await client.submitFeed("PRODUCT_STOCKS_UPDATE", [
      { contentId: "broken", content: "{not json" },
      { contentId: "fine", content: { aliexpress_product_id: productId, multiple_sku_update_list: [{ sku_code: "ENA-B", inventory: 6 }] } },
    ])
    await finish()
    const result = await client.queryFeed(jobId)
    expect(result.items.map((item) => [item.contentId, item.success])).toEqual([["broken", false], ["fine", true]])
    expect(result.items[0].errorMessage).toContain("item_content")
    const twice = [{ item_content_id: "a", item_content: "{}" }, { item_content_id: "a", item_content: "{}" }]
    const error = await client.call("aliexpress.solution.feed.submit", { operation_type: "PRODUCT_STOCKS_UPDATE", item_list: twice }).catch((e) => e)
    expect(error.message).toContain("item_list[1].item_content_id")
  })

  it("order receipt info, merchant profile and product schema", async () => {
    const placed = await control<{ order_id: string }>(sandbox, "/orders", { items: [{ sku_code: "ENA-W", quantity: 1 }] })
    const address = await client.getReceiptInfo(placed.order_id)
    expect(address.contactPerson).toEqual(expect.any(String))
    expect(address.country).toMatch(/^[A-Z]{2}$/)
    expect(await client.getMerchantProfile()).toMatchObject({ shopId: "910000001", postingForbidden: false })
    const schema = await client.getProductSchema("200000534")
    expect(schema).toMatchObject({ type: "object", properties: { aliexpress_category_id: { const: 200000534 } } })
  })
})
