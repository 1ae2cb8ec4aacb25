import { AliExpressAuthError } from "./errors"
import type { ClientLogger, StoredTokens, TokenSet } from "./types"

export interface TokenManagerDeps {
  /** Exchanges a refresh token for a new token set (`/auth/token/refresh`). */
  exchange: (refreshToken: string) => Promise<TokenSet>
  onTokens?: (tokens: TokenSet) => void | Promise<void>
  refreshAheadMs: number
  logger: ClientLogger
}

/**
 * Holds the seller's tokens and refreshes them: ahead of expiry, and after AliExpress rejects the
 * access token. Concurrent callers share one refresh, because a rotated refresh token can be used
 * only once.
 */
export class TokenManager {
  private tokens?: StoredTokens
  private refreshing?: Promise<TokenSet>

  constructor(private readonly deps: TokenManagerDeps, tokens?: StoredTokens) {
    this.tokens = tokens ? { ...tokens } : undefined
  }

  get current(): StoredTokens | undefined {
    return this.tokens ? { ...this.tokens } : undefined
  }

  set(tokens: StoredTokens | undefined): void {
    this.tokens = tokens ? { ...tokens } : undefined
  }

  canRefresh(): boolean {
    const expiresAt = this.tokens?.refreshTokenExpiresAt
    return !!this.tokens?.refreshToken && (!expiresAt || expiresAt.getTime() > Date.now())
  }

  /** The access token to send, refreshed first when it expires within `refreshAheadMs`. */
  async accessToken(): Promise<string> {
    const tokens = this.tokens
    if (!tokens) {
      throw new AliExpressAuthError({
        code: "MissingAccessToken",
        message: "No AliExpress access token: the seller has not authorised the app yet",
      })
    }
    const expiresAt = tokens.accessTokenExpiresAt?.getTime()
    if (expiresAt === undefined || expiresAt - Date.now() >= this.deps.refreshAheadMs || !this.canRefresh()) {
      return tokens.accessToken
    }
    try {
      return (await this.refresh()).accessToken
    } catch (error) {
      if (expiresAt > Date.now()) {
        this.deps.logger.warn?.(`AliExpress token refresh ahead of expiry failed; using the current token: ${describe(error)}`)
        return tokens.accessToken
      }
      throw error
    }
  }

  /** Refreshes now, sharing a refresh already under way. */
  refresh(): Promise<TokenSet> {
    if (!this.refreshing) {
      this.refreshing = this.exchange().finally(() => {
        this.refreshing = undefined
      })
    }
    return this.refreshing
  }

  /** After `rejected` was refused: refresh, unless another caller already replaced that token. */
  async refreshAfterRejection(rejected: string): Promise<string> {
    if (this.refreshing) {
      return (await this.refreshing).accessToken
    }
    if (this.tokens && this.tokens.accessToken !== rejected) {
      return this.tokens.accessToken
    }
    return (await this.refresh()).accessToken
  }

  /** Stores a new token set and reports it, so the rotated refresh token is never lost. */
  async adopt(tokens: TokenSet): Promise<void> {
    this.tokens = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      accessTokenExpiresAt: tokens.accessTokenExpiresAt,
      refreshTokenExpiresAt: tokens.refreshTokenExpiresAt,
    }
    try {
      await this.deps.onTokens?.(tokens)
    } catch (error) {
      this.deps.logger.warn?.(`AliExpress onTokensRefreshed failed: ${describe(error)}`)
    }
  }

  private async exchange(): Promise<TokenSet> {
    const refreshToken = this.tokens?.refreshToken
    if (!refreshToken) {
      throw new AliExpressAuthError({ code: "MissingRefreshToken", message: "No AliExpress refresh token to refresh with" })
    }
    if (!this.canRefresh()) {
      throw new AliExpressAuthError({
        code: "RefreshTokenExpired",
        message: "The AliExpress refresh token has expired: the seller must authorise the app again",
      })
    }
    const tokens = await this.deps.exchange(refreshToken)
    await this.adopt(tokens)
    return tokens
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}
