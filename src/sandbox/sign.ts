import crypto from "node:crypto"

/**
 * Concatenates sorted `key value` pairs, skipping `sign` and, unless `withEmpty`, empty values
 * (the Java SDK drops them; the Python SDK signs them as `key` + "").
 */
function canonical(params: Record<string, string>, withEmpty = false): string {
  return Object.keys(params)
    .filter((key) => key !== "sign" && params[key] !== undefined && (withEmpty || params[key] !== ""))
    .sort()
    .map((key) => key + params[key])
    .join("")
}

/** HMAC-SHA256 signature as AliExpress computes it; `apiPath` is "" for /sync calls. */
export function computeSign(secret: string, apiPath: string, params: Record<string, string>, withEmpty = false): string {
  return crypto
    .createHmac("sha256", secret)
    .update(apiPath + canonical(params, withEmpty), "utf8")
    .digest("hex")
    .toUpperCase()
}

/** Legacy md5 signature: md5(secret + canonical + secret). */
export function computeSignMd5(secret: string, params: Record<string, string>, withEmpty = false): string {
  return crypto
    .createHash("md5")
    .update(secret + canonical(params, withEmpty) + secret, "utf8")
    .digest("hex")
    .toUpperCase()
}

/** Signature of a push message body. */
export function computePushSign(secret: string, rawBody: string): string {
  return crypto.createHmac("sha256", secret).update(rawBody, "utf8").digest("hex").toUpperCase()
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && crypto.timingSafeEqual(left, right)
}
