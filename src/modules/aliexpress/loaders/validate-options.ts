import type { LoaderOptions } from "@medusajs/framework/types"
import { resolvePluginOptions } from "../../../lib/plugin-options"
import { createSecretCipher } from "../lib/secret-cipher"

/**
 * Runs when the module boots: a wrong option (or, in production, a missing encryption key)
 * stops the app with a message naming it, instead of failing later in a request.
 */
export default async function validateAliExpressOptions({ options }: LoaderOptions<Record<string, unknown>>) {
  const resolved = resolvePluginOptions(options)
  createSecretCipher(resolved.encryptionKey, resolved.previousEncryptionKeys)
}
