import crypto from "crypto"
import fs from "fs"
import path from "path"

const PREFIX = "v1"
const DEV_KEY_FILE = path.join(".medusa", "aliexpress-dev.key")

export type OpenedSecret = {
  plain: string
  /** Sealed under one of the previous keys: seal it again under the current key. */
  stale: boolean
}

export type SecretCipher = {
  encrypt(plain: string): string
  /** Opens with the current key, then each previous key; throws SecretKeyMismatchError when none does. */
  decrypt(sealed: string): string
  open(sealed: string): OpenedSecret
}

/** A stored secret that neither the current key nor any previous key opens. */
export class SecretKeyMismatchError extends Error {
  constructor() {
    super("stored secrets were encrypted with another key: enter the app secret again and reconnect")
    this.name = "SecretKeyMismatchError"
  }
}

/**
 * AES-256-GCM for the app secret and tokens at rest. The key comes from the
 * plugin option `encryptionKey` (its default is ALIEXPRESS_ENCRYPTION_KEY, see
 * src/lib/plugin-options.ts). Production must set one: a lost key means every
 * stored secret is unreadable. Previous keys (`previousEncryptionKeys`) still
 * open what they sealed, so a key can be rotated without reconnecting.
 */
export function createSecretCipher(configuredKey?: string, previousKeys: string[] = []): SecretCipher {
  const key = deriveKey(configuredKey)
  const previous = previousKeys.map((k) => crypto.createHash("sha256").update(k).digest()).filter((k) => !k.equals(key))

  const openWith = (sealed: string, candidate: Buffer): string => {
    const [prefix, iv, tag, body] = sealed.split(":")
    if (prefix !== PREFIX || !iv || !tag || body === undefined) {
      throw new Error("AliExpress secret is not in the expected encrypted format")
    }
    const decipher = crypto.createDecipheriv("aes-256-gcm", candidate, Buffer.from(iv, "base64"))
    decipher.setAuthTag(Buffer.from(tag, "base64"))
    return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8")
  }

  const open = (sealed: string): OpenedSecret => {
    for (const [index, candidate] of [key, ...previous].entries()) {
      try {
        return { plain: openWith(sealed, candidate), stale: index > 0 }
      } catch {
        // Not this key (GCM's tag check failed): try the next one.
      }
    }
    throw new SecretKeyMismatchError()
  }

  return {
    open,
    decrypt: (sealed) => open(sealed).plain,
    encrypt(plain) {
      const iv = crypto.randomBytes(12)
      const cipher = crypto.createCipheriv("aes-256-gcm", key, iv)
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()])
      const tag = cipher.getAuthTag()
      return [PREFIX, iv.toString("base64"), tag.toString("base64"), body.toString("base64")].join(":")
    },
  }
}

function deriveKey(configured: string | undefined): Buffer {
  if (configured) {
    return crypto.createHash("sha256").update(configured).digest()
  }
  if (process.env.NODE_ENV === "production") {
    throw new Error(
      "medusa-plugin-aliexpress: no encryption key. Set the plugin option `encryptionKey` " +
        "or the ALIEXPRESS_ENCRYPTION_KEY environment variable (any long random string)."
    )
  }
  return crypto.createHash("sha256").update(readOrCreateDevKey()).digest()
}

/** Outside production a generated key is kept on disk so restarts can still decrypt. */
function readOrCreateDevKey(): string {
  try {
    return fs.readFileSync(DEV_KEY_FILE, "utf8").trim()
  } catch {
    const generated = crypto.randomBytes(32).toString("hex")
    try {
      fs.mkdirSync(path.dirname(DEV_KEY_FILE), { recursive: true })
      fs.writeFileSync(DEV_KEY_FILE, generated, { mode: 0o600 })
    } catch {
      // Read-only working directory: the key lives for this process only.
    }
    return generated
  }
}
