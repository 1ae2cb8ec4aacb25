import { useState } from "react"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, Skeleton } from "@medusajs/ui"
import { AliExpressPage } from "../../../components/aliexpress-page"
import { EmptyState } from "../../../components/empty-state"
import { AccountsTable } from "../../../components/accounts/accounts-table"
import { AddAccountDrawer } from "../../../components/accounts/add-account-drawer"
import { useAccounts } from "../../../hooks/accounts"

const AccountsPage = () => {
  const { data, isPending, isError, error } = useAccounts()
  const [adding, setAdding] = useState(false)
  const accounts = data?.accounts ?? []

  return (
    <AliExpressPage
      title="AliExpress accounts"
      description="Every seller account this store sells through, and how each one is doing."
      actions={
        <Button size="small" onClick={() => setAdding(true)} data-testid="add-account">
          Add account
        </Button>
      }
    >
      <Container className="p-0" data-testid="accounts-list">
        {isPending ? (
          <Skeleton className="h-32 w-full" />
        ) : isError ? (
          <EmptyState title="The accounts could not be loaded" next={(error as Error)?.message ?? "Try again in a moment."} />
        ) : !accounts.length ? (
          <EmptyState title="No AliExpress account yet" next="Add one with its app key and secret, then connect it with AliExpress." />
        ) : (
          <AccountsTable accounts={accounts} />
        )}
      </Container>
      <AddAccountDrawer open={adding} onOpenChange={setAdding} />
    </AliExpressPage>
  )
}

export const config = defineRouteConfig({ label: "Accounts", rank: 7 })

export default AccountsPage
