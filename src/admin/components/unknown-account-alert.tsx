import { Alert } from "@medusajs/ui"
import { Link, useSearchParams } from "react-router-dom"
import { useAccounts } from "../hooks/accounts"
import { ACCOUNT_PARAM } from "../lib/account-path"

/** A link that names an account the store no longer has (removed, or from another store) says so. */
export const UnknownAccountAlert = () => {
  const [params] = useSearchParams()
  const { data } = useAccounts()
  const wanted = params.get(ACCOUNT_PARAM)
  if (!wanted || !data || data.accounts.some((a) => a.id === wanted)) {
    return null
  }
  return (
    <Alert variant="warning" data-testid="unknown-account">
      This link names an AliExpress account this store does not have (it may have been removed).{" "}
      <Link to="/aliexpress/accounts" className="text-ui-fg-interactive">
        Choose one of the store's accounts
      </Link>
      .
    </Alert>
  )
}
