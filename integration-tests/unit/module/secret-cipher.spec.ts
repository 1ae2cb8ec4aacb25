import { createSecretCipher, SecretKeyMismatchError } from "../../../src/modules/aliexpress/lib/secret-cipher"
import { isMasked, maskSecret } from "../../../src/modules/aliexpress/lib/mask"

describe("secret cipher", () => {
  const env = { ...process.env }
  afterEach(() => {
    process.env = { ...env }
  })

  it("round-trips with AES-256-GCM and never stores the clear text", () => {
    const cipher = createSecretCipher("a key")
    const sealed = cipher.encrypt("my-app-secret")
    expect(sealed).toMatch(/^v1:/)
    expect(sealed).not.toContain("my-app-secret")
    expect(cipher.decrypt(sealed)).toBe("my-app-secret")
    expect(cipher.encrypt("my-app-secret")).not.toBe(sealed)
  })

  it("detects tampering and a wrong key", () => {
    const sealed = createSecretCipher("a key").encrypt("value")
    expect(() => createSecretCipher("another key").decrypt(sealed)).toThrow()
    const parts = sealed.split(":")
    parts[3] = Buffer.from("tampered").toString("base64")
    expect(() => createSecretCipher("a key").decrypt(parts.join(":"))).toThrow()
  })

  it("fails at boot in production without a key, with a message saying what to set", () => {
    delete process.env.ALIEXPRESS_ENCRYPTION_KEY
    process.env.NODE_ENV = "production"
    expect(() => createSecretCipher(undefined)).toThrow(/ALIEXPRESS_ENCRYPTION_KEY/)
  })

  it("uses a generated development key outside production", () => {
    delete process.env.ALIEXPRESS_ENCRYPTION_KEY
    process.env.NODE_ENV = "development"
    const cipher = createSecretCipher(undefined)
    expect(cipher.decrypt(cipher.encrypt("x"))).toBe("x")
  })
})

describe("key rotation", () => {
  it("opens secrets sealed under a previous key and says they are stale", () => {
    const old = createSecretCipher("old key").encrypt("app-secret")
    const rotated = createSecretCipher("new key", ["older key", "old key"])
    expect(rotated.open(old)).toEqual({ plain: "app-secret", stale: true })
    const resealed = rotated.encrypt("app-secret")
    expect(rotated.open(resealed)).toEqual({ plain: "app-secret", stale: false })
    // The new seal is the current key's: the previous key alone no longer opens it.
    expect(() => createSecretCipher("old key").decrypt(resealed)).toThrow(SecretKeyMismatchError)
  })

  it("names the fix when no key opens a secret", () => {
    const sealed = createSecretCipher("lost key").encrypt("x")
    expect(() => createSecretCipher("new key", ["other"]).open(sealed)).toThrow(
      "stored secrets were encrypted with another key: enter the app secret again and reconnect"
    )
  })
})

describe("masking", () => {
  it("shows only the last four characters and recognises its own output", () => {
    expect(maskSecret("abcdefgh1234")).toBe("********1234")
    expect(isMasked(maskSecret("abcdefgh1234"))).toBe(true)
    expect(isMasked("plain-secret")).toBe(false)
    expect(maskSecret(null)).toBeNull()
  })
})
