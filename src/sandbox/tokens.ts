import crypto from "node:crypto"
import { SandboxStore, SellerState } from "./store"

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

export function randomAlnum(length: number): string {
  const bytes = crypto.randomBytes(length)
  let out = ""
  for (const byte of bytes) {
    out += ALPHABET[byte % ALPHABET.length]
  }
  return out
}

function purgeExpired(store: SandboxStore, now: number): void {
  for (const map of [store.accessTokens, store.refreshTokens]) {
    if (map.size > 5000) {
      for (const [key, token] of map) {
        if (token.expires_at <= now) {
          map.delete(key)
        }
      }
    }
  }
  for (const [code, entry] of store.codes) {
    if (entry.expires_at <= now || entry.used) {
      store.codes.delete(code)
    }
  }
}

/** Mints an access/refresh pair bound to `seller`; the answer is the root of `/rest/auth/token/create`. */
export function issueTokens(
  store: SandboxStore,
  seller: SellerState,
  accessTtlSec?: number,
  refreshTtlSec?: number
): Record<string, unknown> {
  const now = store.now()
  purgeExpired(store, now)
  const accessTtl = accessTtlSec ?? store.config.accessTokenTtlSec
  const refreshTtl = refreshTtlSec ?? store.config.refreshTokenTtlSec
  const access = "50000" + randomAlnum(56)
  const refresh = "50001" + randomAlnum(56)
  const sellerId = seller.sellerId
  store.accessTokens.set(access, { expires_at: now + accessTtl * 1000, refresh_token: refresh, seller_id: sellerId })
  store.refreshTokens.set(refresh, { expires_at: now + refreshTtl * 1000, seller_id: sellerId })
  const account = seller.account
  store.markDirty()
  return {
    access_token: access,
    refresh_token: refresh,
    expires_in: accessTtl,
    refresh_expires_in: refreshTtl,
    expire_time: now + accessTtl * 1000,
    refresh_token_valid_time: now + refreshTtl * 1000,
    user_id: account.user_id,
    seller_id: account.seller_id,
    user_nick: account.user_nick,
    account: account.account,
    account_platform: "seller_center",
    locale: "en_US",
    sp: "ae",
    code: "0",
  }
}

/** An authorization code for `seller`: the token it is exchanged for answers for that seller. */
export function issueCode(store: SandboxStore, appKey: string, redirectUri: string, seller: SellerState): string {
  const code = `3_${appKey}_${randomAlnum(25)}`
  store.codes.set(code, {
    expires_at: store.now() + store.config.codeTtlSec * 1000,
    redirect_uri: redirectUri,
    used: false,
    seller_id: seller.sellerId,
  })
  store.markDirty()
  return code
}
