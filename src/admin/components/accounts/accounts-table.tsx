import { Button, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { Link, useSearchParams } from "react-router-dom"
import { AccountHealthBadge, AccountStatusBadge } from "./account-badges"
import { NoWrapText } from "../status-badges"
import { useRemoveAccount } from "../../hooks/accounts"
import { ACCOUNT_PARAM, accountPath } from "../../lib/account-path"
import { toastError } from "../../lib/errors"
import { daysUntil, formatDateTime, formatRelative } from "../../lib/format"
import type { AccountSummary } from "../../lib/types"

const TokenExpiry = ({ account }: { account: AccountSummary }) => {
  if (!account.is_connected) {
    return <Text size="small">—</Text>
  }
  const expiry = account.refresh_token_expires_at ?? account.access_token_expires_at
  if (!expiry) {
    return <Text size="small">No expiry known</Text>
  }
  const days = daysUntil(expiry)
  return (
    <Text size="small" className={`whitespace-nowrap ${days !== null && days < 1 ? "text-ui-fg-error" : ""}`} title={formatDateTime(expiry)}>
      {days !== null && days < 0 ? "Expired" : formatRelative(expiry)}
    </Text>
  )
}

const AccountRow = ({ account, onRemove, removing }: { account: AccountSummary; onRemove: () => void; removing: boolean }) => (
  <Table.Row data-testid="account-row" data-account-id={account.id}>
    <Table.Cell>
      <Link to={accountPath("/aliexpress", account.id)} className="text-ui-fg-interactive" data-testid="account-link">
        {account.name}
      </Link>
    </Table.Cell>
    <Table.Cell>{account.seller_nick ?? "—"}</Table.Cell>
    <Table.Cell>
      <AccountStatusBadge status={account.status} reason={account.status_reason} />
    </Table.Cell>
    <Table.Cell>
      <TokenExpiry account={account} />
    </Table.Cell>
    <Table.Cell>
      <NoWrapText title={formatDateTime(account.last_order_import_at)}>
        {account.last_order_import_at ? formatRelative(account.last_order_import_at) : "Never"}
      </NoWrapText>
    </Table.Cell>
    <Table.Cell data-testid="account-problems">
      {account.problem_count ? (
        <Link to={accountPath("/aliexpress/products?has_problems=true", account.id)} className="txt-compact-small text-ui-fg-error whitespace-nowrap">
          {account.problem_count} problem{account.problem_count === 1 ? "" : "s"}
        </Link>
      ) : (
        "—"
      )}
    </Table.Cell>
    <Table.Cell>
      <AccountHealthBadge state={account.health_state} />
    </Table.Cell>
    <Table.Cell>
      <div className="flex justify-end gap-x-2">
        <Link to={accountPath("/aliexpress/settings", account.id)}>
          <Button size="small" variant="secondary">
            Settings
          </Button>
        </Link>
        <Button size="small" variant="danger" onClick={onRemove} isLoading={removing} data-testid="remove-account">
          Remove
        </Button>
      </div>
    </Table.Cell>
  </Table.Row>
)

/** Every seller account with its health: connection, authorization, last order import, problems. */
export const AccountsTable = ({ accounts }: { accounts: AccountSummary[] }) => {
  const remove = useRemoveAccount()
  const prompt = usePrompt()
  const [params, setParams] = useSearchParams()

  const onRemove = async (account: AccountSummary) => {
    const ok = await prompt({
      title: `Remove "${account.name}"?`,
      description:
        "The account is disconnected and leaves this list: its listings and orders stop syncing. Their history stays, and nothing is deleted on AliExpress.",
      confirmText: "Remove",
      cancelText: "Cancel",
    })
    if (!ok) {
      return
    }
    try {
      await remove.mutateAsync(account.id)
      toast.success(`${account.name} removed`)
      // The screens go back to the store's first account rather than a removed one.
      if (params.get(ACCOUNT_PARAM) === account.id) {
        const next = new URLSearchParams(params)
        next.delete(ACCOUNT_PARAM)
        setParams(next, { replace: true })
      }
    } catch (e) {
      toastError(e)
    }
  }

  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Account</Table.HeaderCell>
          <Table.HeaderCell>Seller</Table.HeaderCell>
          <Table.HeaderCell>Connection</Table.HeaderCell>
          <Table.HeaderCell>Authorization expires</Table.HeaderCell>
          <Table.HeaderCell>Last order import</Table.HeaderCell>
          <Table.HeaderCell>Problems</Table.HeaderCell>
          <Table.HeaderCell>Health</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Actions</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {accounts.map((a) => (
          <AccountRow key={a.id} account={a} onRemove={() => onRemove(a)} removing={remove.isPending && remove.variables === a.id} />
        ))}
      </Table.Body>
    </Table>
  )
}
