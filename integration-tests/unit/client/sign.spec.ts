import { createHash } from "node:crypto"
import { signPushBody, signRequest, signRequestMd5, verifyPushSignature } from "../../../src/lib/aliexpress"

describe("signing", () => {
  it("matches the /rest vector for /order/get", () => {
    const sign = signRequest("helloworld", "/order/get", {
      access_token: "test",
      app_key: "123456",
      order_id: "1234",
      sign_method: "sha256",
      timestamp: "1517820392000",
    })
    expect(sign).toBe("4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A")
  })

  it("matches the /rest vector for /auth/token/create", () => {
    const sign = signRequest("helloworld", "/auth/token/create", {
      app_key: "12345678",
      code: "3_500102_JxZ05Ux3cnnSSUm6dCxYg6Q26",
      sign_method: "sha256",
      timestamp: "1517820392000",
    })
    expect(sign).toBe("35607762342831B6A417A0DED84B79C05FEFBF116969C48AD6DC00279A9F4D81")
  })

  it("ignores key order, the sign param and empty values", () => {
    const params = { timestamp: "1517820392000", sign_method: "sha256", order_id: "1234", app_key: "123456", access_token: "test" }
    const expected = "4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A"
    expect(signRequest("helloworld", "/order/get", { ...params, sign: "XYZ", empty: "" })).toBe(expected)
  })

  it("signs /sync calls without a path prefix", () => {
    const params = { app_key: "1", method: "aliexpress.solution.order.get", timestamp: "1" }
    expect(signRequest("s", "", params)).not.toBe(signRequest("s", "/x", params))
    expect(signRequest("s", "", params)).toMatch(/^[0-9A-F]{64}$/)
  })

  it("computes the legacy md5 signature as md5(secret + pairs + secret)", () => {
    const params = { b: "2", a: "1", sign: "ignored" }
    const expected = createHash("md5").update("secreta1b2secret").digest("hex").toUpperCase()
    expect(signRequestMd5("secret", params)).toBe(expected)
  })

  it("signs and verifies push bodies", () => {
    const body = '{"order_id":1160045860056286}'
    const signature = signPushBody("secret", body)
    expect(signature).toMatch(/^[0-9A-F]{64}$/)
    expect(verifyPushSignature("secret", body, signature)).toBe(true)
    expect(verifyPushSignature("secret", body, signature.toLowerCase())).toBe(true)
    expect(verifyPushSignature("other", body, signature)).toBe(false)
    expect(verifyPushSignature("secret", body + " ", signature)).toBe(false)
  })
})
