/** The search parameter that carries the chosen AliExpress account, so a screen's link names its account. */
export const ACCOUNT_PARAM = "account_id"

/** `path` with the account's id in its query string (left as it is without an id). */
export const accountPath = (path: string, accountId?: string | null): string => {
  if (!accountId) {
    return path
  }
  const [base, search = ""] = path.split("?")
  const params = new URLSearchParams(search)
  params.set(ACCOUNT_PARAM, accountId)
  return `${base}?${params.toString()}`
}

/**
 * `values` with the account's id added, for a GET's query or a POST's body. Without an id the
 * field is left out: a store with a single account may omit it.
 */
export const withAccount = <T extends Record<string, unknown>>(accountId: string | undefined, values: T = {} as T) =>
  (accountId ? { account_id: accountId, ...values } : values) as T & { account_id?: string }
