import fs from "fs"
import path from "path"
import { accountPath, withAccount } from "../../../src/admin/lib/account-path"
import { aliexpressKeys } from "../../../src/admin/hooks/query-keys"

describe("accountPath", () => {
  it("adds the account to a path without a query", () => {
    expect(accountPath("/aliexpress/settings", "acc_1")).toBe("/aliexpress/settings?account_id=acc_1")
  })

  it("keeps the path's own parameters", () => {
    expect(accountPath("/aliexpress/products?status=live&q=tee", "acc_1")).toBe("/aliexpress/products?status=live&q=tee&account_id=acc_1")
  })

  it("replaces an account already in the path", () => {
    expect(accountPath("/aliexpress?account_id=old", "new")).toBe("/aliexpress?account_id=new")
  })

  it("leaves the path alone without an account", () => {
    expect(accountPath("/aliexpress/orders?order=o1", undefined)).toBe("/aliexpress/orders?order=o1")
    expect(accountPath("/aliexpress/orders", null)).toBe("/aliexpress/orders")
  })
})

describe("withAccount", () => {
  it("adds account_id to a query or body", () => {
    expect(withAccount("acc_1", { limit: 20 })).toEqual({ account_id: "acc_1", limit: 20 })
    expect(withAccount("acc_1")).toEqual({ account_id: "acc_1" })
  })

  it("leaves it out for a store whose only account needs no id", () => {
    expect(withAccount(undefined, { limit: 20 })).toEqual({ limit: 20 })
    expect(withAccount(undefined)).toEqual({})
  })

  it("lets a call name another account (the product widget syncs each listing's own)", () => {
    expect(withAccount("chosen", { account_id: "listing_account", product_ids: ["p"] })).toEqual({
      account_id: "listing_account",
      product_ids: ["p"],
    })
  })
})

describe("query keys", () => {
  it("keep each account's answers apart", () => {
    expect(aliexpressKeys.settings("a")).not.toEqual(aliexpressKeys.settings("b"))
    expect(aliexpressKeys.listings.list("a", { offset: 0 })).not.toEqual(aliexpressKeys.listings.list("b", { offset: 0 }))
    expect(aliexpressKeys.reference("freight-templates", "a")).not.toEqual(aliexpressKeys.reference("freight-templates", "b"))
  })

  it("start with the prefixes that invalidation and the category-name lookup rely on", () => {
    const starts = (key: readonly unknown[], prefix: readonly unknown[]) => expect(key.slice(0, prefix.length)).toEqual([...prefix])
    starts(aliexpressKeys.overview("a"), [...aliexpressKeys.all, "overview"])
    starts(aliexpressKeys.categoryAttributes("a", "200000346"), aliexpressKeys.categoryAttributes())
    starts(aliexpressKeys.reference("categories", "a", "0"), aliexpressKeys.reference("categories").slice(0, 3))
  })
})

/**
 * Every call a hook makes to an account's routes names the chosen account. Shared resources
 * (templates, lookup lists, the accounts themselves) and the lookups of one Medusa product or
 * order (which answer for every account) are the only calls without it.
 */
describe("admin hooks", () => {
  const hooksDir = path.resolve(__dirname, "../../../src/admin/hooks")
  const SHARED = [/\/templates/, /\/lookup-lists/, /ACCOUNTS_PATH/, /\/orders\/by-order\//, /\$\{LISTINGS_PATH\}\/\$\{productId\}/]

  const fetchCalls = (source: string): string[] => {
    const calls: string[] = []
    let from = source.indexOf("sdk.client.fetch")
    while (from !== -1) {
      let i = source.indexOf("(", from)
      let depth = 0
      const start = i
      for (; i < source.length; i++) {
        if (source[i] === "(") depth++
        else if (source[i] === ")" && --depth === 0) break
      }
      calls.push(source.slice(start, i + 1))
      from = source.indexOf("sdk.client.fetch", i)
    }
    return calls
  }

  const files = fs.readdirSync(hooksDir).filter((f) => f.endsWith(".ts"))
  const calls = files.flatMap((f) => fetchCalls(fs.readFileSync(path.join(hooksDir, f), "utf8")).map((call) => ({ file: f, call })))

  it("are found", () => {
    expect(calls.length).toBeGreaterThan(20)
  })

  it("send account_id on every call to an account's routes", () => {
    const missing = calls.filter(({ call }) => !SHARED.some((re) => re.test(call)) && !call.includes("withAccount("))
    expect(missing.map(({ file, call }) => `${file}: ${call.replace(/\s+/g, " ").slice(0, 120)}`)).toEqual([])
  })
})
