import crypto from "node:crypto"

/** Uppercase hex HMAC-SHA256 of the raw body, keyed with the app secret. */
export function signPushBody(rawBody: Buffer | string, appSecret: string): string {
  return crypto.createHmac("sha256", appSecret).update(rawBody).digest("hex").toUpperCase()
}

/** Constant-time comparison, so the signature cannot be guessed byte by byte. */
export function verifyPushSignature(rawBody: Buffer | string, signature: string | undefined, appSecret: string): boolean {
  if (!signature) {
    return false
  }
  const expected = Buffer.from(signPushBody(rawBody, appSecret), "utf8")
  const given = Buffer.from(signature.trim().toUpperCase(), "utf8")
  return given.length === expected.length && crypto.timingSafeEqual(given, expected)
}
