import { Select, Text } from "@medusajs/ui"
import { useSearchParams } from "react-router-dom"
import { useAccounts, useAccountScope } from "../hooks/accounts"
import { ACCOUNT_PARAM } from "../lib/account-path"

// Ids of one account's records and the list position mean nothing for another account.
const ACCOUNT_BOUND_PARAMS = ["listing", "order", "offset", "connected", "error"]

/**
 * Chooses the seller account the AliExpress screens show. The choice is the URL's `account_id`,
 * so it survives a reload and a copied link opens on the same account. A store with one account
 * just sees its name.
 */
export const AccountSwitcher = () => {
  const { data } = useAccounts()
  const { accountId } = useAccountScope()
  const [params, setParams] = useSearchParams()
  const accounts = data?.accounts ?? []

  if (!accounts.length) {
    return null
  }
  if (accounts.length === 1) {
    return (
      <Text size="small" className="text-ui-fg-subtle" data-testid="account-switcher" data-account-id={accounts[0].id}>
        {accounts[0].name}
      </Text>
    )
  }

  const onChange = (id: string) => {
    const next = new URLSearchParams(params)
    ACCOUNT_BOUND_PARAMS.forEach((k) => next.delete(k))
    next.set(ACCOUNT_PARAM, id)
    setParams(next)
  }
  const known = accounts.some((a) => a.id === accountId)

  return (
    <Select size="small" value={known ? accountId : undefined} onValueChange={onChange}>
      <Select.Trigger className="w-56" data-testid="account-switcher" data-account-id={known ? accountId : ""} aria-label="Seller account">
        <Select.Value placeholder="Unknown account: choose one" />
      </Select.Trigger>
      <Select.Content>
        {accounts.map((a) => (
          <Select.Item key={a.id} value={a.id}>
            {a.name}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}
