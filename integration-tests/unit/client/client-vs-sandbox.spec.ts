import {
  AliExpressAuthError,
  AliExpressClient,
  AliExpressPermanentError,
  resetRateLimiters,
  type TokenSet,
} from "../../../src/lib/aliexpress"
import { startSandbox } from "../../../src/sandbox"
import { control, mugProduct as product, MUGS, PNG, sandboxClient, type Sandbox } from "./support/sandbox-mug"

const APP_KEY = "sandbox-client-app"
const APP_SECRET = "sandbox-client-secret"

/** Goes through the consent redirect as a seller would, returning the OAuth code. */
async function authorizationCode(sandbox: Sandbox): Promise<string> {
  const query = new URLSearchParams({ response_type: "code", client_id: APP_KEY, redirect_uri: "http://localhost/callback", state: "s1" })
  const response = await fetch(`${sandbox.url}/oauth/authorize/approve?${query}`, { redirect: "manual" })
  expect(response.status).toBe(302)
  const location = new URL(response.headers.get("location") ?? "")
  expect(location.searchParams.get("state")).toBe("s1")
  return location.searchParams.get("code") ?? ""
}

describe("AliExpressClient against the sandbox", () => {
  let sandbox: Sandbox
  let client: AliExpressClient
  const reported: TokenSet[] = []
  let imageUrl = ""

  beforeAll(async () => {
    sandbox = await startSandbox({ appKey: APP_KEY, appSecret: APP_SECRET, seed: "empty", auditDelayMs: 0, rejectWords: ["forbidden"] })
    resetRateLimiters()
    client = await sandboxClient(sandbox, APP_KEY, APP_SECRET, {
      onTokensRefreshed: (tokens) => void reported.push(tokens),
      retry: { maxAttempts: 10, baseDelayMs: 5, maxDelayMs: 50 },
    })
    // Every describe block can run alone (jest -t): each gets tokens and an image-bank URL here.
    imageUrl = (await client.uploadImage({ fileName: "setup.png", bytes: PNG })).url
  })

  afterAll(() => sandbox.stop())

  describe("auth", () => {
    it("createToken exchanges a consent code for tokens", async () => {
      const tokens = await client.createToken(await authorizationCode(sandbox))
      expect(tokens.accessToken).toMatch(/^50000/)
      expect(tokens.refreshToken).toMatch(/^50001/)
      expect(tokens.accessTokenExpiresAt.getTime()).toBeGreaterThan(Date.now())
      expect(tokens.refreshTokenExpiresAt.getTime()).toBeGreaterThan(tokens.accessTokenExpiresAt.getTime())
      expect(typeof tokens.sellerId).toBe("string")
      expect(client.tokens?.accessToken).toBe(tokens.accessToken)
    })

    it("a consent code is single use", async () => {
      const code = await authorizationCode(sandbox)
      await client.createToken(code)
      await expect(client.createToken(code)).rejects.toMatchObject({ code: "InvalidCode" })
    })

    it("refreshAccessToken rotates the refresh token and reports it", async () => {
      const before = client.tokens!
      const count = reported.length
      const tokens = await client.refreshAccessToken()
      expect(tokens.refreshToken).not.toBe(before.refreshToken)
      expect(reported.slice(count).map((t) => t.refreshToken)).toEqual([tokens.refreshToken])
      expect(client.tokens?.refreshToken).toBe(tokens.refreshToken)
    })

    it("recovers from a rejected access token by refreshing once", async () => {
      const minted = await control<{ access_token: string; refresh_token: string }>(sandbox, "/tokens")
      client.setTokens({ accessToken: "not-a-token", refreshToken: minted.refresh_token })
      await expect(client.listFreightTemplates()).resolves.toHaveLength(2)
      expect(client.tokens?.accessToken).not.toBe("not-a-token")
      expect(client.tokens?.refreshToken).not.toBe(minted.refresh_token)
    })

    it("an unusable refresh token ends in an auth error", async () => {
      const spare = new AliExpressClient({
        baseUrl: sandbox.url,
        appKey: APP_KEY,
        appSecret: APP_SECRET,
        tokens: { accessToken: "bad", refreshToken: "also-bad" },
      })
      await expect(spare.listFreightTemplates()).rejects.toBeInstanceOf(AliExpressAuthError)
    })

    it("a wrong secret is a permanent signature error, not retried", async () => {
      const minted = await control<{ access_token: string }>(sandbox, "/tokens")
      const wrong = new AliExpressClient({ baseUrl: sandbox.url, appKey: APP_KEY, appSecret: "wrong", tokens: { accessToken: minted.access_token } })
      const error = await wrong.listFreightTemplates().catch((e) => e)
      expect(error).toBeInstanceOf(AliExpressPermanentError)
      expect(error.code).toBe("IncompleteSignature")
    })
  })

  describe("catalog", () => {
    it("getCategoryChildren walks the tree down to a leaf", async () => {
      const roots = await client.getCategoryChildren()
      const home = roots.find((c) => c.name === "Home & Garden")
      expect(home).toMatchObject({ isLeaf: false, level: 1 })
      const [kitchen] = await client.getCategoryChildren(home!.id)
      const leaves = await client.getCategoryChildren(kitchen.id)
      expect(leaves).toContainEqual({ id: MUGS, name: "Mugs", isLeaf: true, level: 3 })
    })

    it("getSkuAttributes lists the category's SKU attributes with their values", async () => {
      const attributes = await client.getSkuAttributes(MUGS)
      const color = attributes.find((a) => a.name === "Color")
      expect(color).toMatchObject({ customizedNameAllowed: true, customizedPictureAllowed: true })
      expect(color?.values).toEqual(expect.arrayContaining(["Black", "White"]))
      const shoeSize = (await client.getSkuAttributes("200000601")).find((a) => a.name === "Size")
      expect(shoeSize).toMatchObject({ customizedNameAllowed: false })
      expect(shoeSize?.values).toContain("42")
    })

    it("getCategoryAttributes reads item attributes with ids, fill types and value lists", async () => {
      const set = await client.getCategoryAttributes("200000346")
      expect(set.categoryId).toBe("200000346")
      const byName = Object.fromEntries(set.attributes.map((a) => [a.name, a]))
      expect(byName["Brand Name"]).toMatchObject({ nameId: "2", required: true, input: "single" })
      expect(byName["Brand Name"].values).toContainEqual({ id: "4", name: "Other" })
      expect(byName.Origin).toMatchObject({ nameId: "219", required: true })
      expect(byName.Origin.values).toContainEqual({ id: "9441741844", name: "Mainland China" })
      expect(byName.Material).toMatchObject({ required: true, input: "multi" })
      expect(byName["Model Number"]).toMatchObject({ required: false, input: "text", values: [] })
      expect(set.skuAttributes.map((a) => a.name)).toEqual(["Color", "Size"])
    })

    it("listFreightTemplates and listServiceTemplates", async () => {
      expect(await client.listFreightTemplates()).toEqual([
        { id: "1000", name: "Free Shipping", isDefault: true },
        { id: "1001", name: "Standard Shipping US", isDefault: false },
      ])
      expect(await client.listServiceTemplates()).toEqual([
        { id: "1001001", name: "Service Template for New Sellers" },
        { id: "1001002", name: "15-Day Returns" },
      ])
    })

    it("uploadImage puts an image in the image bank", async () => {
      const { url } = await client.uploadImage({ fileName: "mug.png", bytes: PNG })
      expect(url.startsWith(`${sandbox.url}/kf/`)).toBe(true)
      const image = await fetch(url)
      expect(image.status).toBe(200)
      expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true)
    })
  })

  describe("products", () => {
    let productId = ""

    it("postProduct creates a product that passes audit", async () => {
      const posted = await client.postProduct(product("MUG", imageUrl))
      productId = posted.productId
      expect(productId).toMatch(/^\d+$/)
      const detail = await client.getProduct(productId)
      expect(detail).toMatchObject({ productId, status: "onSelling", subject: "Ceramic mug 350 ml", categoryId: MUGS, imageUrls: [imageUrl] })
      expect(detail.skus).toEqual([
        { skuCode: "MUG-W", price: "12.00", discountPrice: "9.90", inventory: 10 },
        { skuCode: "MUG-B", price: "12.00", discountPrice: undefined, inventory: 4 },
      ])
    })

    it("a duplicate sku_code is a permanent business error with its code", async () => {
      const error = await client.postProduct(product("MUG", imageUrl)).catch((e) => e)
      expect(error).toBeInstanceOf(AliExpressPermanentError)
      expect(error.subCode).toBe("F00-00-10007-007")
    })

    it("listProducts, iterateProducts and findProductBySkuCode", async () => {
      const page = await client.listProducts({ status: "onSelling", pageSize: 10 })
      expect(page).toMatchObject({ total: 1, totalPages: 1, page: 1 })
      expect(page.items).toEqual([{ productId, subject: "Ceramic mug 350 ml", status: "onSelling" }])
      const all = []
      for await (const item of client.iterateProducts({ status: "onSelling", pageSize: 1 })) {
        all.push(item.productId)
      }
      expect(all).toEqual([productId])
      expect(await client.findProductBySkuCode("MUG-B")).toMatchObject({ productId })
      expect(await client.findProductBySkuCode("NOPE")).toBeUndefined()
    })

    it("editProduct replaces the content and goes through audit again", async () => {
      await client.editProduct(productId, product("MUG", imageUrl, "Ceramic mug 400 ml"))
      const detail = await client.getProduct(productId)
      expect(detail.subject).toBe("Ceramic mug 400 ml")
      expect(detail.status).toBe("onSelling")
    })

    it("a rejected audit surfaces its reason", async () => {
      const { productId: rejected } = await client.postProduct(product("BAD", imageUrl, "A forbidden mug"))
      const detail = await client.getProduct(rejected)
      expect(detail.status).toBe("editingRequired")
      expect(detail.auditFailureReason).toEqual(expect.any(String))
      await client.deleteProducts([rejected])
    })

    it("updatePrices and updateInventory, with per-product failures", async () => {
      const prices = await client.updatePrices([
        { productId, skus: [{ skuCode: "MUG-W", price: "14.00", discountPrice: "11.50" }, { skuCode: "MUG-B", price: "13.00" }] },
      ])
      expect(prices).toEqual({ success: true, succeeded: [productId], failed: [] })
      const stock = await client.updateInventory([{ productId, skus: [{ skuCode: "MUG-W", inventory: 25 }] }])
      expect(stock).toEqual({ success: true, succeeded: [productId], failed: [] })
      const detail = await client.getProduct(productId)
      expect(detail.skus).toEqual([
        { skuCode: "MUG-W", price: "14.00", discountPrice: "11.50", inventory: 25 },
        { skuCode: "MUG-B", price: "13.00", discountPrice: undefined, inventory: 4 },
      ])
      const partial = await client.updateInventory([{ productId, skus: [{ skuCode: "NOT-A-SKU", inventory: 1 }] }])
      expect(partial.success).toBe(false)
      expect(partial.failed).toEqual([{ productId, code: "isv.sku-not-exist", message: expect.any(String) }])
    })

    it("offlineProducts and onlineProducts, with per-product errors", async () => {
      expect(await client.offlineProducts([productId])).toEqual({ success: true, modifyCount: 1, errors: [] })
      const again = await client.offlineProducts([productId])
      expect(again.success).toBe(false)
      expect(again.modifyCount).toBe(0)
      expect(again.errors).toEqual([{ code: "isv.product-status-not-allowed", message: expect.any(String), productIds: [productId] }])
      expect((await client.getProduct(productId)).status).toBe("offline")
      expect(await client.onlineProducts([productId])).toEqual({ success: true, modifyCount: 1, errors: [] })
    })
  })

  describe("orders and shipping", () => {
    let orderId = ""
    let productId = ""

    beforeAll(async () => {
      productId = (await client.postProduct(product("CUP", imageUrl, "Ceramic cup"))).productId
      await client.getProduct(productId)
      const placed = await control<{ order_id: string }>(sandbox, "/orders", {
        items: [{ sku_code: "CUP-W", quantity: 2 }, { sku_code: "CUP-B", quantity: 1 }],
        shipping_amount: "3.50",
      })
      orderId = placed.order_id
    })

    it("listOrders and iterateOrders find the new order, ids as strings", async () => {
      const page = await client.listOrders({
        createdFrom: new Date(Date.now() - 3600_000),
        createdTo: new Date(Date.now() + 60_000),
        statuses: ["WAIT_SELLER_SEND_GOODS"],
        pageSize: 10,
      })
      expect(page.total).toBe(1)
      const [order] = page.orders
      expect(order).toMatchObject({ orderId, status: "WAIT_SELLER_SEND_GOODS", payAmount: { amount: "35.30", currency: "USD" } })
      expect(Math.abs(order.gmtCreate!.getTime() - Date.now())).toBeLessThan(120_000)
      expect(order.items.map((i) => [i.skuCode, i.quantity, i.productId])).toEqual([
        ["CUP-W", 2, productId],
        ["CUP-B", 1, productId],
      ])
      const streamed = []
      for await (const summary of client.iterateOrders({ modifiedFrom: new Date(Date.now() - 3600_000), pageSize: 1 })) {
        streamed.push(summary.orderId)
      }
      expect(streamed).toEqual([orderId])
    })

    it("getOrder returns buyer, address, items and amounts", async () => {
      const order = await client.getOrder(orderId)
      expect(order).toMatchObject({
        orderId,
        status: "WAIT_SELLER_SEND_GOODS",
        orderAmount: { amount: "35.30", currency: "USD" },
        logisticsAmount: { amount: "3.50", currency: "USD" },
        shipments: [],
      })
      expect(order.buyer.loginId).toEqual(expect.any(String))
      expect(order.shippingAddress.country).toMatch(/^[A-Z]{2}$/)
      expect(order.items).toEqual([
        expect.objectContaining({ skuCode: "CUP-W", quantity: 2, productId, unitPrice: { amount: "9.90", currency: "USD" } }),
        expect.objectContaining({ skuCode: "CUP-B", quantity: 1, productId, unitPrice: { amount: "12.00", currency: "USD" } }),
      ])
    })

    it("listLogisticsServices", async () => {
      const services = await client.listLogisticsServices()
      expect(services).toContainEqual(
        expect.objectContaining({ serviceName: "CAINIAO_STANDARD", displayName: "AliExpress Standard Shipping", trackingRegex: "^[A-Z]{2}[0-9]{9}[A-Z]{2}$" })
      )
    })

    it("fulfillOrder validates the tracking number and ships the order", async () => {
      const bad = await client
        .fulfillOrder({ orderId, serviceName: "CAINIAO_STANDARD", trackingNumber: "123", sendType: "part" })
        .catch((e) => e)
      expect(bad).toBeInstanceOf(AliExpressPermanentError)
      expect(bad.subCode).toBe("isv.logistics-no-invalid")
      const shipped = await client.fulfillOrder({ orderId, serviceName: "CAINIAO_STANDARD", trackingNumber: "LP123456789CN", sendType: "part", description: "first box" })
      expect(shipped).toEqual({ success: true })
      const order = await client.getOrder(orderId)
      expect(order.status).toBe("SELLER_PART_SEND_GOODS")
      expect(order.shipments).toEqual([{ trackingNumber: "LP123456789CN", serviceName: "CAINIAO_STANDARD", sentAt: expect.any(Date) }])
    })

    it("modifyShipment replaces the tracking number", async () => {
      const result = await client.modifyShipment({
        orderId,
        oldServiceName: "CAINIAO_STANDARD",
        oldTrackingNumber: "LP123456789CN",
        newServiceName: "CAINIAO_STANDARD",
        newTrackingNumber: "LP987654321CN",
        sendType: "all",
      })
      expect(result).toEqual({ success: true })
      const order = await client.getOrder(orderId)
      expect(order.status).toBe("WAIT_BUYER_ACCEPT_GOODS")
      expect(order.shipments.map((s) => s.trackingNumber)).toEqual(["LP987654321CN"])
    })

    it("deleteProducts removes products", async () => {
      expect(await client.deleteProducts([productId])).toEqual({ success: true })
      await expect(client.getProduct(productId)).rejects.toMatchObject({ subCode: "isv.product-not-exist" })
    })
  })

  describe("resilience", () => {
    it("call() reaches methods without a typed wrapper", async () => {
      const profile = await client.call("aliexpress.solution.merchant.profile.get", {}, { idempotent: true })
      expect(typeof profile.shop_id).toBe("string")
    })

    it("reads survive injected 5xx, isp errors and malformed bodies", async () => {
      await control(sandbox, "/faults", { error_rate: 0.3, malformed_rate: 0.2 })
      try {
        for (let i = 0; i < 8; i++) {
          await expect(client.listFreightTemplates()).resolves.toHaveLength(2)
        }
      } finally {
        await control(sandbox, "/faults", {})
      }
    })

    it("a burst of twice the sandbox rate limit never surfaces ApiCallLimit", async () => {
      await control(sandbox, "/config", { rate_limit_per_second: 5 })
      try {
        const limited = new AliExpressClient({
          baseUrl: sandbox.url,
          appKey: APP_KEY,
          appSecret: APP_SECRET,
          tokens: client.tokens,
          rateLimit: { callsPerSecond: 5 },
        })
        const results = await Promise.allSettled(Array.from({ length: 10 }, () => limited.listLogisticsServices()))
        expect(results.filter((r) => r.status === "rejected")).toEqual([])
      } finally {
        await control(sandbox, "/config", { rate_limit_per_second: 1000 })
      }
    })
  })
})
