import { tokenResponseSchema } from "../schemas"
import type { TokenSet } from "../types"
import { parsePayload, type Caller } from "./caller"

export const TOKEN_CREATE_PATH = "/auth/token/create"
export const TOKEN_REFRESH_PATH = "/auth/token/refresh"

const AUTH_CALL = { protocol: "rest", authenticated: false, idempotent: true } as const

/** Exchanges an OAuth authorisation code (single use, ~3 minutes) for tokens. */
export async function createToken(call: Caller, code: string): Promise<TokenSet> {
  const payload = await call(TOKEN_CREATE_PATH, { code }, AUTH_CALL)
  return toTokenSet(payload, TOKEN_CREATE_PATH)
}

export async function refreshToken(call: Caller, refreshToken: string): Promise<TokenSet> {
  const payload = await call(TOKEN_REFRESH_PATH, { refresh_token: refreshToken }, AUTH_CALL)
  return toTokenSet(payload, TOKEN_REFRESH_PATH, refreshToken)
}

function toTokenSet(payload: unknown, path: string, previousRefreshToken?: string): TokenSet {
  const body = parsePayload(tokenResponseSchema, payload, path)
  const now = Date.now()
  const accessExpiry = body.expire_time ?? (body.expires_in !== undefined ? now + body.expires_in * 1000 : now)
  const refreshExpiry =
    body.refresh_token_valid_time ??
    (body.refresh_expires_in !== undefined ? now + body.refresh_expires_in * 1000 : accessExpiry)
  return {
    accessToken: body.access_token,
    // The refresh token may rotate; AliExpress omits it when it did not.
    refreshToken: body.refresh_token ?? previousRefreshToken ?? "",
    accessTokenExpiresAt: new Date(accessExpiry),
    refreshTokenExpiresAt: new Date(refreshExpiry),
    sellerId: body.seller_id,
    userId: body.user_id,
    userNick: body.user_nick,
    account: body.account,
  }
}
