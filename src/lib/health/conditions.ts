import type { HealthOutcome } from "./transition"

/** The refresh token is flagged this long before it runs out: time to reconnect calmly. */
export const TOKEN_WARNING_MS = 7 * 24 * 3600 * 1000

/** Whether the account's authorisation runs out soon (a failure of the token_expiry subject). */
export function refreshTokenOutcome(expiresAt: Date | string | null | undefined, now = new Date()): HealthOutcome {
  if (!expiresAt) {
    return { ok: true }
  }
  const at = new Date(expiresAt)
  const left = at.getTime() - now.getTime()
  if (left >= TOKEN_WARNING_MS) {
    return { ok: true }
  }
  const when = at.toISOString().slice(0, 16).replace("T", " ")
  return {
    ok: false,
    reason: left <= 0
      ? `The AliExpress authorisation ended on ${when} UTC: reconnect the account in Settings`
      : `The AliExpress authorisation ends on ${when} UTC: reconnect the account in Settings before then`,
  }
}

/** Listings AliExpress' review turned down, as one condition: any rejected listing is a failure. */
export function rejectedListingsOutcome(count: number, example?: { title?: string | null; reason?: string | null }): HealthOutcome {
  if (!count) {
    return { ok: true }
  }
  const what = count === 1 ? "1 listing was" : `${count} listings were`
  const sample = example?.title ? ` "${example.title}"${example.reason ? `: ${example.reason}` : ""}` : ""
  return { ok: false, reason: `${what} rejected by AliExpress review.${sample ? ` For example${sample}` : ""}` }
}

/**
 * A failed run's reason for the merchant. Errors out of a workflow run are plain objects, so the
 * shape is read: an AliExpress error keeps its code, which support will ask for.
 */
export function failureReason(error: unknown): string {
  const e = (error ?? {}) as { name?: unknown; message?: unknown; code?: unknown; subCode?: unknown }
  const message = typeof e.message === "string" && e.message ? e.message : String(error)
  const code = [e.code, e.subCode].filter((c) => typeof c === "string" && c).join("/")
  return typeof e.name === "string" && /^AliExpress\w*Error$/.test(e.name) && code ? `AliExpress answered ${code}: ${message}` : message
}
