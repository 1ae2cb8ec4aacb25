import { randomBytes, createHash } from "crypto"
import { Modules } from "@medusajs/framework/utils"
import type { ICacheService, MedusaContainer } from "@medusajs/framework/types"

/** AliExpress codes live ~3 minutes; a consent page left open longer starts over. */
export const OAUTH_STATE_TTL_SECONDS = 10 * 60

export type OAuthStateRecord = {
  account_id: string
  actor_id: string
  redirect_uri: string
}

// Only a hash of the state is used as the key, so a cache dump cannot replay a pending consent.
const keyFor = (state: string) =>
  `aliexpress:oauth-state:${createHash("sha256").update(state).digest("hex")}`

/** Stores a fresh random state in the shared cache (Redis when scaled out) and returns it. */
export async function issueOAuthState(container: MedusaContainer, record: OAuthStateRecord): Promise<string> {
  const cache: ICacheService = container.resolve(Modules.CACHE)
  const state = randomBytes(24).toString("base64url")
  await cache.set(keyFor(state), record, OAUTH_STATE_TTL_SECONDS)
  return state
}

/** Returns the record once: a state is single-use. */
export async function consumeOAuthState(
  container: MedusaContainer,
  state: string
): Promise<OAuthStateRecord | null> {
  const cache: ICacheService = container.resolve(Modules.CACHE)
  const key = keyFor(state)
  const record = await cache.get<OAuthStateRecord>(key)
  if (record) {
    await cache.invalidate(key)
  }
  return record ?? null
}
