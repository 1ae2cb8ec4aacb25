import { createHash, createHmac, timingSafeEqual } from "node:crypto"

/** `key1value1key2value2...` over the signed params, sorted by ASCII key order. */
function canonicalParams(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((key) => key !== "sign" && params[key] !== undefined && params[key] !== null && params[key] !== "")
    .sort()
    .map((key) => key + params[key])
    .join("")
}

/**
 * Signs a request the way the AliExpress (IOP) gateway checks it: HMAC-SHA256 keyed with the app
 * secret over `apiPath + sorted key/value pairs`. `apiPath` is the /rest path (e.g.
 * `/auth/token/create`) and "" for /sync business methods. File parts must not be passed in.
 */
export function signRequest(secret: string, apiPath: string, params: Record<string, string>): string {
  return createHmac("sha256", secret)
    .update(apiPath + canonicalParams(params), "utf8")
    .digest("hex")
    .toUpperCase()
}

/** The legacy TOP signature (`sign_method=md5`): md5(secret + pairs + secret). */
export function signRequestMd5(secret: string, params: Record<string, string>): string {
  return createHash("md5")
    .update(secret + canonicalParams(params) + secret, "utf8")
    .digest("hex")
    .toUpperCase()
}

/** Signature of a push (webhook) body: HMAC-SHA256 of the raw bytes with the app secret. */
export function signPushBody(secret: string, rawBody: string | Buffer): string {
  return createHmac("sha256", secret).update(rawBody).digest("hex").toUpperCase()
}

/** Constant-time check of a push signature, so the comparison leaks nothing about the secret. */
export function verifyPushSignature(secret: string, rawBody: string | Buffer, signature: string): boolean {
  const expected = Buffer.from(signPushBody(secret, rawBody), "utf8")
  const given = Buffer.from(signature.trim().toUpperCase(), "utf8")
  return expected.length === given.length && timingSafeEqual(expected, given)
}
