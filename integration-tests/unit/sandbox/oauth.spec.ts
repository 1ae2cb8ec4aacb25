import axios from "axios"
import { SandboxHandle } from "../../../src/sandbox"
import { APP_KEY, TestApi, errorOf, payload, startTestSandbox } from "./helpers"

const REDIRECT = "https://merchant.example.com/aliexpress/callback"

describe("sandbox OAuth", () => {
  let sandbox: SandboxHandle
  let api: TestApi

  beforeAll(async () => {
    ;({ sandbox, api } = await startTestSandbox({ codeTtlSec: 180, accessTokenTtlSec: 3600, refreshTokenTtlSec: 7200 }))
  })

  afterAll(async () => {
    await sandbox.stop()
  })

  const authorizeQuery = (state: string): string =>
    new URLSearchParams({ response_type: "code", force_auth: "true", client_id: APP_KEY, redirect_uri: REDIRECT, state }).toString()

  async function authorize(state: string): Promise<URL> {
    const res = await api.http.post("/oauth/authorize", `${authorizeQuery(state)}&action=approve`, {
      headers: { "content-type": "application/x-www-form-urlencoded" },
    })
    expect(res.status).toBe(302)
    return new URL(res.headers.location as string)
  }

  it("shows a consent page naming the seller with an Authorize button", async () => {
    const res = await axios.get(`${sandbox.url}/oauth/authorize?${authorizeQuery("s1")}`, { responseType: "text" })
    expect(res.status).toBe(200)
    expect(res.headers["content-type"]).toContain("text/html")
    expect(res.data).toContain("demo-seller")
    expect(res.data).toContain(">Authorize<")
    expect(res.data).toContain('name="state" value="s1"')
  })

  it("refuses an unknown client_id", async () => {
    const res = await api.http.get(`/oauth/authorize?${authorizeQuery("s").replace(APP_KEY, "nope")}`)
    expect(res.status).toBe(400)
  })

  it("redirects with code and state, via the form or the approve link, and denies on cancel", async () => {
    const location = await authorize("xyz")
    expect(location.origin + location.pathname).toBe(REDIRECT)
    expect(location.searchParams.get("state")).toBe("xyz")
    expect(location.searchParams.get("code")).toMatch(new RegExp(`^3_${APP_KEY}_`))

    const approve = await api.http.get(`/oauth/authorize/approve?${authorizeQuery("abc")}`)
    expect(approve.status).toBe(302)
    expect(new URL(approve.headers.location as string).searchParams.get("code")).toBeTruthy()

    const deny = await api.http.post("/oauth/authorize", `${authorizeQuery("d")}&action=deny`, {
      headers: { "content-type": "application/x-www-form-urlencoded" },
    })
    expect(new URL(deny.headers.location as string).searchParams.get("error")).toBe("access_denied")
  })

  it("exchanges a code once for a token pair at the root of the answer", async () => {
    const code = (await authorize("one")).searchParams.get("code")!
    const answer = await api.rest("/auth/token/create", { code })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      code: "0",
      sp: "ae",
      seller_id: "2000000001",
      user_nick: "demo-seller",
      expires_in: 3600,
      refresh_expires_in: 7200,
    })
    for (const key of ["access_token", "refresh_token", "user_id", "account", "request_id"]) {
      expect(answer.body[key]).toEqual(expect.any(String))
    }
    expect(answer.body.expire_time).toBeGreaterThan(Date.now())
    expect(answer.body.refresh_token_valid_time).toBeGreaterThan(answer.body.expire_time)

    const tree = await api.call("aliexpress.solution.seller.category.tree.query", { category_id: "0" }, { token: answer.body.access_token })
    expect(payload(tree, "aliexpress.solution.seller.category.tree.query").is_success).toBe(true)

    const again = await api.rest("/auth/token/create", { code })
    expect(again.body).toMatchObject({ type: "ISV", code: "InvalidCode" })
    expect(again.body.message).toEqual(expect.any(String))
    expect(again.body.request_id).toEqual(expect.any(String))
  })

  it("expires codes after codeTtlSec", async () => {
    const code = (await authorize("late")).searchParams.get("code")!
    await api.control("POST", "/clock", { advance_ms: 181_000 })
    expect((await api.rest("/auth/token/create", { code })).body.code).toBe("InvalidCode")
  })

  it("rotates refresh tokens and rejects the old one", async () => {
    const code = (await authorize("r")).searchParams.get("code")!
    const first = (await api.rest("/auth/token/create", { code })).body
    const second = await api.rest("/auth/token/refresh", { refresh_token: first.refresh_token })
    expect(second.body.code).toBe("0")
    expect(second.body.refresh_token).not.toBe(first.refresh_token)
    expect(second.body.access_token).not.toBe(first.access_token)
    const reused = await api.rest("/auth/token/refresh", { refresh_token: first.refresh_token })
    expect(reused.body.code).toBe("IllegalRefreshToken")
    await api.control("POST", "/clock", { advance_ms: 7201_000 })
    expect((await api.rest("/auth/token/refresh", { refresh_token: second.body.refresh_token })).body.code).toBe(
      "IllegalRefreshToken"
    )
    const expired = await api.call("aliexpress.solution.seller.category.tree.query", { category_id: "0" }, { token: second.body.access_token })
    expect(errorOf(expired).code).toBe("IllegalAccessToken")
  })

  it("checks /rest signatures with the API path prefix", async () => {
    const bad = await api.rest("/auth/token/create", { code: "3_x" }, { tamper: true })
    expect(bad.body).toMatchObject({ type: "ISV", code: "IncompleteSignature" })
    expect(bad.body.error_response).toBeUndefined()
    expect((await api.rest("/auth/token/create", {})).body.code).toBe("MissingParameter")
    expect((await api.rest("/auth/token/teleport", {})).body.code).toBe("InvalidApiPath")
  })

  it("with a registered redirect URI, refuses any other without issuing a code", async () => {
    await api.control("POST", "/config", { redirect_uri: REDIRECT })
    try {
      const other = authorizeQuery("o").replace(encodeURIComponent(REDIRECT), encodeURIComponent("https://evil.example.com/cb"))
      for (const res of [
        await api.http.get(`/oauth/authorize?${other}`),
        await api.http.get(`/oauth/authorize/approve?${other}`),
        await api.http.post("/oauth/authorize", `${other}&action=approve`, { headers: { "content-type": "application/x-www-form-urlencoded" } }),
      ]) {
        expect(res.status).toBe(400)
        expect(res.headers.location).toBeUndefined()
        expect(res.data).toContain("does not match the callback URL registered")
      }
      const location = await authorize("registered")
      expect(location.searchParams.get("code")).toBeTruthy()
    } finally {
      await api.control("POST", "/config", { redirect_uri: null })
    }
    const any = await api.http.get(`/oauth/authorize/approve?${authorizeQuery("any").replace(encodeURIComponent(REDIRECT), encodeURIComponent("https://other.example.com/cb"))}`)
    expect(any.status).toBe(302)
  })

  it("takes the registered redirect URI as a start option", async () => {
    const { sandbox: strict, api: strictApi } = await startTestSandbox({ redirectUri: `${REDIRECT}/` })
    try {
      const ok = await strictApi.http.get(`/oauth/authorize/approve?${authorizeQuery("s")}`)
      expect(ok.status).toBe(302)
      const bad = await strictApi.http.get(`/oauth/authorize/approve?${authorizeQuery("s").replace("merchant.example.com", "merchant.example.org")}`)
      expect(bad.status).toBe(400)
    } finally {
      await strict.stop()
    }
  })

  it("mints tokens through the control API in the token-create shape", async () => {
    const res = await api.control("POST", "/tokens", { access_ttl_sec: 100, refresh_ttl_sec: 200 })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ expires_in: 100, refresh_expires_in: 200, code: "0", sp: "ae", seller_id: "2000000001" })
    expect(res.body.access_token).toEqual(expect.any(String))
  })
})
