import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createProductCategoriesWorkflow } from "@medusajs/core-flows"
import { startSandbox, type SandboxHandle } from "../../src/sandbox"
import { CATEGORY_ATTRIBUTES } from "../../src/sandbox/category-attributes"
import { defaultTemplate } from "../../src/lib/mapping"
import { createAdminHeaders } from "../helpers/admin-auth"
import { connectSandbox, sandboxControl, SANDBOX_APP_KEY, SANDBOX_APP_SECRET } from "../helpers/connect-sandbox"
import { startImageServer } from "../helpers/image-server"
import { listingSyncRunner } from "../../src/runners/listing-sync"
import { createSeedProducts, sampleProductSeed, setupUsStore, type ProductSeed } from "../../scripts/lib/store-setup"

jest.setTimeout(240 * 1000)
process.env.ALIEXPRESS_SYNC_DEBOUNCE_MS = "150"
process.env.ALIEXPRESS_SYNC_MIN_GAP_MS = "150"

const POST = "aliexpress.solution.product.post"
const QUERY = "aliexpress.solution.sku.attribute.query"

let sandbox: SandboxHandle
let images: Awaited<ReturnType<typeof startImageServer>>

beforeAll(async () => {
  images = await startImageServer()
  sandbox = await startSandbox({ port: 0, appKey: SANDBOX_APP_KEY, appSecret: SANDBOX_APP_SECRET, auditDelayMs: 100, rateLimitPerSecond: 1000 })
})

afterAll(async () => {
  await sandbox?.stop()
  await images?.stop()
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function waitFor<T>(what: string, fn: () => Promise<T | undefined | null | false>, timeoutMs = 60000): Promise<T> {
  const end = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < end) {
    try {
      const v = await fn()
      if (v) return v as T
    } catch (e) {
      last = e
    }
    await sleep(150)
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ""}`)
}

const state = () => sandboxControl(sandbox.url, "/state")

/** Medusa category handle -> AliExpress leaf: three clothing leaves and sneakers. */
const CATEGORIES = [
  { handle: "t-shirts", ae: "200000346" },
  { handle: "hoodies", ae: "200000347" },
  { handle: "dresses", ae: "200000348" },
  { handle: "sneakers", ae: "200000601" },
]

medusaIntegrationTestRunner({
  inApp: true,
  env: { ALIEXPRESS_SYNC_DEBOUNCE_MS: "150", ALIEXPRESS_SYNC_MIN_GAP_MS: "150" },
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let store: Awaited<ReturnType<typeof setupUsStore>>
    let account: any
    let categoryIds: Record<string, string>

    const seed = (i: number, overrides: Partial<ProductSeed> = {}) =>
      sampleProductSeed(i, { images: [`${images.url}/tee-${i}-front.jpg`, `${images.url}/tee-${i}-back.png`], ...overrides })

    const createInChannel = (seeds: ProductSeed[]) =>
      createSeedProducts(getContainer(), seeds, {
        salesChannelIds: [account.sales_channel_id],
        shippingProfileId: store.shippingProfileId,
        stockLocationId: store.stockLocationId,
        categoryIds,
      })

    const listingOf = async (productId: string) =>
      (await api.get(`/admin/aliexpress/listings/${productId}`, admin).catch((e: any) => e.response)).data.listing

    beforeEach(async () => {
      await sandboxControl(sandbox.url, "/reset", { seed: "demo" })
      admin = await createAdminHeaders(getContainer(), api)
      store = await setupUsStore(getContainer())
      account = await connectSandbox(getContainer(), api, admin, sandbox.url, { stock_location_ids: [store.stockLocationId] })
      const { result } = await createProductCategoriesWorkflow(getContainer()).run({
        input: { product_categories: CATEGORIES.map((c) => ({ name: c.handle, handle: c.handle, is_active: true })) },
      })
      categoryIds = Object.fromEntries(result.map((c: any) => [c.handle, c.id]))
      await api.post(
        "/admin/aliexpress/lookup-lists",
        { name: "categories", entries: CATEGORIES.map((c) => ({ from: c.handle, to: c.ae })) },
        admin
      )
      const base = defaultTemplate("Catalogue")
      const res = await api.post(
        "/admin/aliexpress/templates",
        {
          name: "Catalogue",
          is_default: true,
          fields: {
            ...base.fields,
            freight_template_id: { source: "constant", value: 1000 },
            service_template_id: { source: "constant", value: 1001001 },
          },
          attributes: base.attributes,
        },
        admin
      )
      expect(res.status).toBe(201)
    })

    afterEach(async () => {
      await sleep(400)
      await Promise.race([listingSyncRunner.whenIdle(), sleep(60000)])
    })

    it("keeps a product missing a required attribute invalid without a post, then lists it with the attribute once its metadata has it", async () => {
      const [product] = await createInChannel([seed(1, { material: null, categoryHandle: "t-shirts" })])

      const invalid = await waitFor("the invalid listing", async () => {
        const l = await listingOf(product.id)
        return l?.status === "invalid" && l
      })
      const problem = invalid.problems.find((p: any) => p.field === "attribute:Material")
      expect(problem.message).toContain('requires "Material"')
      expect(problem.message).toContain("Category 200000346")
      expect(problem.message).toContain("Cotton")
      expect(problem.hint).toContain("Product > Metadata > material")
      expect(problem.hint).toContain('the attribute "Material" in the mapping template')
      expect(invalid.problems).toHaveLength(1)
      const before = await state()
      expect(before.calls[POST] ?? 0).toBe(0)
      expect(before.products).toHaveLength(0)
      // The definitions were read from AliExpress once, and kept.
      expect(before.calls[QUERY]).toBe(1)
      const missing = async (name: string) => (await api.get(`/admin/aliexpress/listings?missing_attribute=${name}`, admin)).data.count
      expect(await missing("Material")).toBe(1)
      expect(await missing("true")).toBe(1)
      expect(await missing("Origin")).toBe(0)

      const preview = (await api.post("/admin/aliexpress/preview", { product_id: product.id }, admin)).data.preview
      expect(preview.valid).toBe(false)
      expect(preview.payload.attribute_list).toEqual([
        { aliexpress_attribute_name_id: 2, aliexpress_attribute_value_id: 203004002 },
        { aliexpress_attribute_name_id: 219, aliexpress_attribute_value_id: 9441741844 },
      ])

      await api.post(`/admin/products/${product.id}`, { metadata: { brand: "Acme", material: "Cotton, Polyester" } }, admin)
      const posted = await waitFor("the listing posted", async () => {
        const l = await listingOf(product.id)
        return l?.ae_product_id && l
      })
      expect(posted.problems).toEqual([])
      expect(await missing("true")).toBe(0)
      const ae = (await state()).products.find((p: any) => p.product_id === posted.ae_product_id)
      expect(ae.category_id).toBe(200000346)
      expect(ae.attributes).toEqual([
        { name_id: 2, value_id: 203004002, name: "Brand Name", value: "Acme" },
        { name_id: 219, value_id: 9441741844, name: "Origin", value: "Mainland China" },
        { name_id: 10, value_id: 47, name: "Material", value: "Cotton" },
        { name_id: 10, value_id: 48, name: "Material", value: "Polyester" },
      ])
      await sleep(200)
      await api.post("/admin/aliexpress/sync", {}, admin)
      await waitFor("live", async () => (await listingOf(product.id)).status === "live")
      expect((await state()).calls[QUERY]).toBe(1)
    })

    it("lists a whole catalogue across categories with every required attribute of each product's category", async () => {
      const seeds = [
        seed(10, { categoryHandle: "t-shirts", metadata: { brand: "Northwind", gender: "Men" } }),
        seed(11, { categoryHandle: "t-shirts", material: "cotton ,  spandex", origin_country: "vn" }),
        seed(12, { categoryHandle: "hoodies", material: "Polyester", metadata: { brand: "Fjordwear", sleeve_length: "Full" } }),
        seed(13, { categoryHandle: "dresses", material: "Linen", origin_country: "pt", metadata: { gender: "women" } }),
        seed(14, { categoryHandle: "sneakers", material: "Mesh", sizes: ["42", "43"], metadata: { brand: "Acme", gender: "Unisex" } }),
      ]
      const products = await createInChannel(seeds)
      const listings = await waitFor("every listing posted", async () => {
        const all = await Promise.all(products.map((p: any) => listingOf(p.id)))
        return all.every((l) => l?.ae_product_id) && all
      })
      expect(listings.flatMap((l: any) => l.problems)).toEqual([])

      const sent = (await state()).products
      expect(sent).toHaveLength(seeds.length)
      for (const p of sent) {
        const required = CATEGORY_ATTRIBUTES[p.category_id].attributes.filter((a) => a.required)
        const names = new Set(p.attributes.map((a: any) => a.name_id))
        for (const attr of required) expect([p.subject, attr.name, names.has(attr.id)]).toEqual([p.subject, attr.name, true])
      }
      const bySubject = Object.fromEntries(sent.map((p: any) => [p.subject, p]))
      expect(bySubject["Classic Cotton Tee 11"].attributes).toEqual(
        expect.arrayContaining([
          { name_id: 219, value_id: 9441741846, name: "Origin", value: "Vietnam" },
          { name_id: 10, value_id: 1388, name: "Material", value: "Spandex" },
        ])
      )
      expect(bySubject["Classic Cotton Tee 12"].attributes).toEqual(
        expect.arrayContaining([
          { name_id: 2, value_id: 4, name: "Brand Name", value: "Fjordwear" },
          { name_id: 200000463, value_id: 200003527, name: "Sleeve Length", value: "Full" },
        ])
      )
      expect(bySubject["Classic Cotton Tee 14"].category_id).toBe(200000601)
      expect(bySubject["Classic Cotton Tee 14"].attributes).toEqual(
        expect.arrayContaining([
          { name_id: 200000148, value_id: 200004001, name: "Upper Material", value: "Mesh" },
          { name_id: 284, value_id: 100006042, name: "Gender", value: "Unisex" },
        ])
      )
      // One definitions read per category, however many products.
      expect((await state()).calls[QUERY]).toBe(CATEGORIES.length)
    })

    it("serves a category's attributes with the catalogue's value matches, and saves attribute mappings naming bad fields", async () => {
      await createInChannel([
        seed(20, { categoryHandle: "t-shirts", metadata: { brand: "Acme", gender: "Women" } }),
        seed(21, { categoryHandle: "t-shirts", material: "Bamboo", metadata: { brand: "Acme", gender: "Kids" } }),
      ])
      const { data } = await api.get("/admin/aliexpress/categories/200000346/attributes?values=true", admin)
      const attrs = data.category_attributes
      expect(attrs.category_id).toBe("200000346")
      const byName = Object.fromEntries(attrs.attributes.map((a: any) => [a.name, a]))
      expect(byName.Material).toMatchObject({ required: true, input: "multi", name_id: "10" })
      expect(byName.Gender.required).toBe(false)
      const report = Object.fromEntries(attrs.values.attributes.map((a: any) => [a.name, a]))
      expect(attrs.values.products).toBe(2)
      expect(report.Material.counts).toEqual({ matched: 1, other: 1, failed: 0, empty: 0 })
      expect(report.Gender.counts).toEqual({ matched: 1, other: 0, failed: 1, empty: 0 })
      expect(report.Gender.values).toEqual(expect.arrayContaining([expect.objectContaining({ input: "Kids", kind: "none", products: 1 })]))
      expect(report.Material.origin).toBe("template")

      const refreshed = await api.get("/admin/aliexpress/categories/200000346/attributes?refresh=true", admin)
      expect(refreshed.data.category_attributes.values).toBeNull()
      expect((await state()).calls[QUERY]).toBeGreaterThanOrEqual(2)

      const badId = await api.get("/admin/aliexpress/categories/tees/attributes", admin).catch((e: any) => e.response)
      expect(badId.status).toBe(400)
      expect(badId.data.message).toContain("id")
      const notLeaf = (await api.get("/admin/aliexpress/categories/200000343/attributes", admin)).data.category_attributes
      expect(notLeaf.error).toContain("not a leaf")

      const template = (await api.get("/admin/aliexpress/templates", admin)).data.templates[0]
      const bad = await api
        .post(`/admin/aliexpress/templates/${template.id}`, { attributes: { Gender: { categories: { tees: {} } } } }, admin)
        .catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("attributes.Gender")
      const saved = await api.post(
        `/admin/aliexpress/templates/${template.id}`,
        { attributes: { ...template.attributes, Gender: { source: { source: "attribute", path: "metadata.gender" }, value_list: "genders" } } },
        admin
      )
      expect(saved.data.template.attributes.Gender.value_list).toBe("genders")
      await api.post("/admin/aliexpress/lookup-lists", { name: "genders", entries: [{ from: "Kids", to: "Unisex" }] }, admin)
      const after = (await api.get("/admin/aliexpress/categories/200000346/attributes?values=true", admin)).data.category_attributes
      const gender = after.values.attributes.find((a: any) => a.name === "Gender")
      expect(gender.counts).toEqual({ matched: 2, other: 0, failed: 0, empty: 0 })
      expect(gender.values).toEqual(expect.arrayContaining([expect.objectContaining({ input: "Kids", kind: "lookup", value_name: "Unisex" })]))
    })
  },
})
