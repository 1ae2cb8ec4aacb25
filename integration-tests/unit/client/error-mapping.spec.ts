import {
  AliExpressAuthError,
  AliExpressPermanentError,
  AliExpressRateLimitError,
  AliExpressRetryableError,
  AliExpressTimeoutError,
  toAliExpressError,
} from "../../../src/lib/aliexpress"
import { assertMethodSucceeded, unwrapRestResponse, unwrapSyncResponse } from "../../../src/lib/aliexpress/envelope"
import { httpStatusError } from "../../../src/lib/aliexpress/transport"

const METHOD = "aliexpress.solution.product.post"

function thrownBy(fn: () => unknown): unknown {
  try {
    fn()
  } catch (error) {
    return error
  }
  throw new Error("expected a throw")
}

describe("error mapping", () => {
  it("business error (code 15 + isv sub code) -> permanent, codes kept", () => {
    const error = toAliExpressError(
      { code: 15, msg: "Remote service error", sub_code: "isv.invalid-parameter", sub_msg: "bad price", request_id: "r1" },
      { method: METHOD }
    )
    expect(error).toBeInstanceOf(AliExpressPermanentError)
    expect(error).toMatchObject({ code: "15", subCode: "isv.invalid-parameter", message: "bad price", requestId: "r1", method: METHOD, retryable: false })
  })

  it("isp.* sub codes and F00-10-10000-001 are retryable system errors", () => {
    expect(toAliExpressError({ code: 15, sub_code: "isp.50001", sub_msg: "x" })).toBeInstanceOf(AliExpressRetryableError)
    expect(toAliExpressError({ code: 15, sub_code: "F00-10-10000-001" }).retryable).toBe(true)
    expect(toAliExpressError({ type: "ISP", code: "UnknownRuntimeException", message: "boom" }).retryable).toBe(true)
  })

  it("ApiCallLimit -> rate limit with the ban duration, never ambiguous", () => {
    const error = toAliExpressError({
      type: "ISV",
      code: "ApiCallLimit",
      msg: "API access frequently exceeds the limit. This ban will last 3 seconds",
    })
    expect(error).toBeInstanceOf(AliExpressRateLimitError)
    expect(error).toMatchObject({ retryable: true, ambiguous: false, banMs: 3000 })
  })

  it.each(["IllegalAccessToken", "IllegalRefreshToken", "InvalidCode"])("%s -> auth error", (code) => {
    const error = toAliExpressError({ type: "ISV", code, msg: "no" })
    expect(error).toBeInstanceOf(AliExpressAuthError)
    expect(error).toBeInstanceOf(AliExpressPermanentError)
    expect(error.retryable).toBe(false)
  })

  it("signature and validation gateway codes are permanent", () => {
    for (const code of ["IncompleteSignature", "InvalidApiPath", "MissingParameter"]) {
      expect(toAliExpressError({ type: "ISV", code })).toBeInstanceOf(AliExpressPermanentError)
    }
  })

  it("/sync error_response is thrown by the unwrapper", () => {
    const error = thrownBy(() =>
      unwrapSyncResponse(METHOD, { status: 200, body: { error_response: { type: "ISV", code: "IllegalAccessToken", msg: "expired" } } })
    )
    expect(error).toBeInstanceOf(AliExpressAuthError)
    expect(error).toMatchObject({ code: "IllegalAccessToken", method: METHOD, httpStatus: 200 })
  })

  it("/rest error at the root (code != 0) is thrown; code 0 passes", () => {
    const error = thrownBy(() =>
      unwrapRestResponse("/auth/token/create", { status: 200, body: { type: "ISV", code: "InvalidCode", message: "used", request_id: "r" } })
    )
    expect(error).toBeInstanceOf(AliExpressAuthError)
    expect(unwrapRestResponse("/auth/token/create", { status: 200, body: { code: "0", access_token: "a" } })).toEqual({ code: "0", access_token: "a" })
  })

  it("a success body without the method's _response key is malformed and retryable", () => {
    const error = thrownBy(() => unwrapSyncResponse(METHOD, { status: 200, body: { other_response: {} } }))
    expect(error).toMatchObject({ code: "MalformedResponse", retryable: true, ambiguous: true })
  })

  it("result.success=false inside a success envelope -> permanent with the business code", () => {
    const error = thrownBy(() =>
      assertMethodSucceeded(METHOD, { result: { success: false, error_code: "F00-00-10007-007", error_message: "duplicate sku_code" } }, 200)
    )
    expect(error).toBeInstanceOf(AliExpressPermanentError)
    expect(error).toMatchObject({ code: "F00-00-10007-007", message: "duplicate sku_code" })
  })

  it("method-level system failures stay retryable", () => {
    const error = thrownBy(() => assertMethodSucceeded(METHOD, { result: { success: false, error_code: "F00-10-10000-001" } }, 200))
    expect(error).toBeInstanceOf(AliExpressRetryableError)
  })

  it("is_success=false and result_success=false with error_desc are failures too", () => {
    expect(thrownBy(() => assertMethodSucceeded(METHOD, { is_success: false, error_code: "x" }, 200))).toMatchObject({ code: "x" })
    expect(
      thrownBy(() => assertMethodSucceeded(METHOD, { result: { result_success: false, error_desc: "bad tracking number" } }, 200))
    ).toMatchObject({ message: "bad tracking number" })
  })

  it("success: true wins over a stale error_code", () => {
    expect(() => assertMethodSucceeded(METHOD, { result: { success: true, error_code: 16009999 } }, 200)).not.toThrow()
  })

  it("HTTP statuses without an envelope", () => {
    expect(httpStatusError(503, METHOD)).toMatchObject({ retryable: true, ambiguous: false })
    expect(httpStatusError(500, METHOD)).toMatchObject({ retryable: true, ambiguous: true })
    expect(httpStatusError(504, METHOD)).toBeInstanceOf(AliExpressTimeoutError)
    expect(httpStatusError(429, METHOD)).toBeInstanceOf(AliExpressRateLimitError)
    expect(httpStatusError(400, METHOD)).toBeInstanceOf(AliExpressPermanentError)
  })

  it("a timeout says it is ambiguous", () => {
    const error = new AliExpressTimeoutError({ code: "Timeout", message: "t" })
    expect(error).toMatchObject({ retryable: true, ambiguous: true, name: "AliExpressTimeoutError" })
    expect(error).toBeInstanceOf(AliExpressRetryableError)
  })
})
