import {
  AliExpressAuthError,
  AliExpressPermanentError,
  AliExpressRateLimitError,
  AliExpressRetryableError,
  AliExpressTimeoutError,
} from "../../../src/lib/aliexpress/errors"
import { toAliExpressError } from "../../../src/lib/aliexpress/error-mapping"
import { mapAliExpressError, toMedusaError } from "../../../src/api/utils/aliexpress-errors"

/** What a workflow run throws: the step's error as a plain object. */
const plain = (e: Error) => JSON.parse(JSON.stringify({ ...e, name: e.name, message: e.message }))

describe("AliExpress errors for admin routes", () => {
  it("asks to reconnect when AliExpress refuses the credentials, keeping its code and message", () => {
    const error = new AliExpressAuthError({ code: "IllegalRefreshToken", message: "The refresh token is invalid" })
    for (const e of [error, plain(error)]) {
      const mapped = mapAliExpressError(e)!
      expect(mapped.status).toBe(400)
      expect(mapped.body.code).toBe("IllegalRefreshToken")
      expect(mapped.body.message).toMatch(/needs reconnecting.*IllegalRefreshToken: The refresh token is invalid/)
    }
    expect(toMedusaError(error)).toMatchObject({ type: "not_allowed" })
  })

  it("says when to retry a rate-limited call", () => {
    const error = new AliExpressRateLimitError({ code: "ApiCallLimit", message: "This ban will last 3 seconds" })
    const mapped = mapAliExpressError(plain(error))!
    expect(mapped.status).toBe(429)
    expect(mapped.body.message).toMatch(/^AliExpress is limiting calls: retry in 3 s/)
  })

  it("answers 400 naming a parameter AliExpress refuses", () => {
    const error = toAliExpressError({
      code: "15",
      msg: "Remote service error",
      sub_code: "isv.invalid-parameter",
      sub_msg: "Invalid parameter: category_id",
    })
    const mapped = mapAliExpressError(error)!
    expect(mapped.status).toBe(400)
    expect(mapped.body.code).toBe("15/isv.invalid-parameter")
    expect(mapped.body.message).toContain("category_id")
    expect(toMedusaError(error)).toMatchObject({ type: "invalid_data" })
  })

  it("answers 502 or 504 when AliExpress fails or does not answer, with its message and no stack", () => {
    const failed = mapAliExpressError(new AliExpressRetryableError({ code: "isp.50001", message: "The service is temporarily unavailable" }))!
    expect(failed.status).toBe(502)
    expect(failed.body.message).toContain("The service is temporarily unavailable")
    expect(JSON.stringify(failed)).not.toMatch(/\bat \S+:\d+/)
    expect(mapAliExpressError(new AliExpressTimeoutError({ code: "Timeout", message: "no answer in 20000 ms" }))!.status).toBe(504)
    expect(mapAliExpressError(new AliExpressPermanentError({ code: "UnexpectedResponse", message: "unexpected response" }))!.status).toBe(502)
  })

  it("leaves other errors to Medusa", () => {
    expect(mapAliExpressError(new Error("boom"))).toBeNull()
    expect(mapAliExpressError({ type: "not_found", message: "x" })).toBeNull()
  })
})
