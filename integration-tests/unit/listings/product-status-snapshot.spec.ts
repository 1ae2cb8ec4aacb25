import { AliExpressClient, resetRateLimiters } from "../../../src/lib/aliexpress"
import { listProductStatuses, sharedProductStatuses, statusOf, type StatusSnapshotCache } from "../../../src/lib/listings/product-status-snapshot"
import { startSandbox } from "../../../src/sandbox"
import { mugProduct, PNG, sandboxClient, type Sandbox } from "../client/support/sandbox-mug"

const APP_KEY = "status-snapshot-app"
const APP_SECRET = "status-snapshot-secret"
const LIVE = 150
const REJECTED = 3

jest.setTimeout(60 * 1000)

/** The client's product list, counted: the figure these tests are about. */
function countingLister(client: AliExpressClient) {
  const lister = {
    calls: 0,
    listProducts: (query: Parameters<AliExpressClient["listProducts"]>[0]) => {
      lister.calls++
      return client.listProducts(query)
    },
  }
  return lister
}

describe("the seller's product statuses, listed for many review questions at once", () => {
  let sandbox: Sandbox
  let client: AliExpressClient
  const ids: Record<"live" | "rejected", string[]> = { live: [], rejected: [] }

  beforeAll(async () => {
    // Reviews end at once; titles with "forbidden" are rejected. A high rate limit: setup posts 153.
    sandbox = await startSandbox({ appKey: APP_KEY, appSecret: APP_SECRET, seed: "empty", auditDelayMs: 0, rejectWords: ["forbidden"], rateLimitPerSecond: 1000 })
    resetRateLimiters()
    client = await sandboxClient(sandbox, APP_KEY, APP_SECRET)
    const imageUrl = (await client.uploadImage({ fileName: "mug.png", bytes: PNG })).url
    for (let i = 0; i < LIVE + REJECTED; i++) {
      const rejected = i < REJECTED
      const { productId } = await client.postProduct(mugProduct(`SNAP${i}`, imageUrl, rejected ? "Forbidden mug" : "Ceramic mug 350 ml"))
      ids[rejected ? "rejected" : "live"].push(productId)
    }
  })

  afterAll(() => sandbox.stop())

  it("lists every status when that costs at most half the one-by-one reads, one call per page of 99", async () => {
    const lister = countingLister(client)
    const snapshot = await listProductStatuses(lister, 1000, 10)

    expect(snapshot).not.toBeNull()
    expect(snapshot!.statuses.size).toBe(LIVE + REJECTED)
    for (const id of ids.live) expect(snapshot!.statuses.get(id)).toBe("onSelling")
    for (const id of ids.rejected) expect(snapshot!.statuses.get(id)).toBe("editingRequired")
    // under review 1 (empty), live 2 (150 at 99 a page), rejected 1, offline 1 (empty)
    expect(lister.calls).toBe(5)
  })

  it("gives up after the first page of a status shows the listing would not pay, not after spending its budget", async () => {
    const lister = countingLister(client)
    // Budget 4 calls: under review (1 page) and the 3 statuses after it fit; live's 2 pages do not.
    expect(await listProductStatuses(lister, 8, 4)).toBeNull()
    expect(lister.calls).toBe(2)
  })

  it("is made once for the pages of a run, while it is being made too, and a listing that did not pay is not kept", async () => {
    const cache: StatusSnapshotCache = new Map()
    const lister = countingLister(client)

    expect(await sharedProductStatuses(lister, cache, "acc", 8, 4)).toBeNull()
    expect(cache.has("acc")).toBe(false)

    lister.calls = 0
    const [a, b] = await Promise.all([sharedProductStatuses(lister, cache, "acc", 1000, 10), sharedProductStatuses(lister, cache, "acc", 1000, 10)])
    const c = await sharedProductStatuses(lister, cache, "acc", 1000, 10)
    expect(a).toBe(b)
    expect(c).toBe(a)
    expect(lister.calls).toBe(5)
    // Another account lists its own.
    await sharedProductStatuses(lister, cache, "other", 1000, 10)
    expect(lister.calls).toBe(10)

    // Pages that ask at the same moment, each counting its questions first, share one listing.
    cache.clear()
    lister.calls = 0
    const counted = async () => {
      await new Promise((resolve) => setTimeout(resolve, 20))
      return 1000
    }
    const [d, e] = await Promise.all([sharedProductStatuses(lister, cache, "acc", counted, 10), sharedProductStatuses(lister, cache, "acc", counted, 10)])
    expect(d).toBe(e)
    expect(lister.calls).toBe(5)
  })

  it("speaks only for submissions made before the listing began", async () => {
    const snapshot = (await listProductStatuses(client, 1000, 10))!
    const live = ids.live[0]
    expect(statusOf(snapshot, live, new Date(snapshot.takenAt - 1000))).toBe("onSelling")
    expect(statusOf(snapshot, live, null)).toBe("onSelling")
    // Edited (and so under review again) after the listing began: its verdict there is the old one.
    expect(statusOf(snapshot, live, new Date(snapshot.takenAt + 1))).toBeUndefined()
    expect(statusOf(snapshot, "no-such-product", null)).toBeUndefined()
  })
})
