import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ShoppingBag, ArrowPath, CloudArrowDown } from "@medusajs/icons"
import { Button, Container, Heading, Skeleton, Table, Text, toast } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { AliExpressPage } from "../../components/aliexpress-page"
import { ActivityCharts } from "../../components/activity-charts"
import { ConnectionBanner } from "../../components/connection-banner"
import { SyncProgressBar } from "../../components/progress-bar"
import { ListingStatusChart } from "../../components/status-chart"
import { ListingStatusBadge, NoWrapText, ORDER_STATUS_META, SHIPMENT_STATUS_META } from "../../components/status-badges"
import { EmptyState } from "../../components/empty-state"
import { AccountHealthAlerts } from "../../components/account-health"
import { useAccountPath } from "../../hooks/accounts"
import { useImportOrdersNow, useSyncNow } from "../../hooks/actions"
import { useOverview } from "../../hooks/settings"
import { toastError } from "../../lib/errors"
import { daysUntil, formatDateTime, formatRelative } from "../../lib/format"

const ImportResult = ({ result }: { result: Record<string, any> | null }) => {
  if (!result) {
    return <Text size="small" className="text-ui-fg-subtle">No import has run yet.</Text>
  }
  const errors = (Array.isArray(result.errors) ? result.errors : []) as { ae_order_id?: string; message?: string }[]
  const parts = ["listed", "imported", "held", "failed", "status_updates"]
    .filter((k) => typeof result[k] === "number" && (result[k] > 0 || k === "imported"))
    .map((k) => `${result[k]} ${k.replace(/_/g, " ")}`)
  return (
    <div className="flex flex-col" data-testid="import-result">
      <Text size="small" className="text-ui-fg-subtle">
        {parts.join(", ") || "Nothing new"}
      </Text>
      {errors.slice(0, 3).map((e, i) => (
        <Text key={i} size="small" className="text-ui-fg-error">
          {e.ae_order_id ? `Order ${e.ae_order_id}: ` : ""}
          {e.message}
        </Text>
      ))}
    </div>
  )
}

const Stat = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="flex flex-col gap-y-1">
    <Text size="xsmall" className="text-ui-fg-muted uppercase">
      {label}
    </Text>
    {children}
  </div>
)

const OverviewPage = () => {
  const { data, isPending, isError } = useOverview()
  const sync = useSyncNow()
  const importNow = useImportOrdersNow()
  const linkTo = useAccountPath()
  const account = data?.account ?? null
  const connected = !!account?.is_connected

  const onSync = async () => {
    try {
      await sync.mutateAsync({})
      toast.success("Sync started", { description: "Progress shows below." })
    } catch (e) {
      toastError(e)
    }
  }
  const onImport = async () => {
    try {
      await importNow.mutateAsync()
      toast.success("Order import finished")
    } catch (e) {
      toastError(e)
    }
  }

  const tokenDays = daysUntil(account?.refresh_token_expires_at ?? account?.access_token_expires_at)
  const orders = data?.orders?.by_status ?? {}
  const backlog = data?.orders?.backlog
  const shipments = data?.shipments?.by_status ?? {}

  return (
    <AliExpressPage
      title="AliExpress"
      description="Your AliExpress sales channel at a glance."
      actions={
        <>
          <Button size="small" variant="secondary" onClick={onImport} isLoading={importNow.isPending} disabled={!connected} data-testid="import-now">
            <CloudArrowDown /> Import orders now
          </Button>
          <Button size="small" onClick={onSync} isLoading={sync.isPending} disabled={!connected} data-testid="sync-now">
            <ArrowPath /> Sync now
          </Button>
        </>
      }
    >
      {!isPending && !isError && <ConnectionBanner account={account} />}
      {isPending ? (
        <div className="flex flex-col gap-y-3" data-testid="overview-loading">
          <div className="grid grid-cols-1 gap-3 lg:grid-cols-3">
            <Skeleton className="h-56 w-full lg:col-span-2" />
            <Skeleton className="h-56 w-full" />
          </div>
          <Skeleton className="h-48 w-full" />
        </div>
      ) : !account ? null : (
        <>
          <div className="grid grid-cols-1 gap-3 lg:grid-cols-3">
            <Container className="flex flex-col gap-y-4 px-6 py-4 lg:col-span-2">
              <div className="flex items-center justify-between">
                <Heading level="h2">Listings</Heading>
                <Text size="small" className="text-ui-fg-subtle">
                  {data?.listings?.total ?? 0} products in the channel
                </Text>
              </div>
              {data?.listings?.total ? (
                <ListingStatusChart counts={data.listings.by_status} withProblems={data.listings.with_problems} />
              ) : (
                <EmptyState
                  title="No products in the AliExpress channel yet"
                  next="Add products to the AliExpress sales channel in Medusa, set up the mapping template, then press Sync now."
                />
              )}
              <SyncProgressBar progress={account.sync_progress} />
            </Container>
            <Container className="flex flex-col gap-y-4 px-6 py-4">
              <div>
                <Heading level="h2">Account</Heading>
                <Text size="small" className="text-ui-fg-subtle" data-testid="overview-account-name">
                  {account.name}
                </Text>
              </div>
              <AccountHealthAlerts health={account.health} />
              <Stat label="Connection">
                <Text size="small" data-testid="account-health" className={connected ? "text-ui-fg-base" : "text-ui-fg-error"}>
                  {connected
                    ? `Connected${account.seller_nick ? ` as ${account.seller_nick}` : ""}`
                    : account.status === "reconnect_needed"
                      ? "Reconnect needed"
                      : "Not connected"}
                </Text>
              </Stat>
              {connected && (
                <Stat label="Authorization">
                  <Text size="small">{tokenDays === null ? "No expiry known" : tokenDays < 0 ? "Expired" : `Expires in ${tokenDays} day${tokenDays === 1 ? "" : "s"}`}</Text>
                </Stat>
              )}
              <Stat label="Last order import">
                <Text size="small">{account.last_order_import_at ? formatRelative(account.last_order_import_at) : "Never"}</Text>
                <ImportResult result={account.last_order_import_result} />
              </Stat>
              <Stat label="Last product sync">
                <Text size="small">{account.last_sync_at ? formatRelative(account.last_sync_at) : "Never"}</Text>
              </Stat>
              <Stat label="Orders">
                <Link to={linkTo("/aliexpress/orders")} className="txt-compact-small text-ui-fg-interactive">
                  {Object.entries(orders)
                    .filter(([, n]) => n)
                    .map(([s, n]) => `${n} ${ORDER_STATUS_META[s]?.label.toLowerCase() ?? s}`)
                    .join(", ") || "None yet"}
                </Link>
                {backlog && backlog.waiting > 0 && (
                  <Text size="small" className="text-ui-fg-subtle" data-testid="order-backlog">
                    {backlog.waiting} waiting to import · {backlog.imported_per_minute} imported/min lately
                    {backlog.next_retry_at ? ` · next retry ${formatRelative(backlog.next_retry_at)}` : ""}
                  </Text>
                )}
                {(shipments.failed ?? 0) > 0 && (
                  <Link to={linkTo("/aliexpress/orders?tab=shipments")} className="txt-compact-small text-ui-fg-error">
                    {shipments.failed} {SHIPMENT_STATUS_META.failed.label.toLowerCase()}
                  </Link>
                )}
              </Stat>
            </Container>
          </div>
          <ActivityCharts />
          <Container className="p-0">
            <div className="px-6 py-4">
              <Heading level="h2">Recent sync activity</Heading>
            </div>
            {data?.recent_listings?.length ? (
              <Table>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>Product</Table.HeaderCell>
                    <Table.HeaderCell>Status</Table.HeaderCell>
                    <Table.HeaderCell>Problems</Table.HeaderCell>
                    <Table.HeaderCell>Last synced</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {data.recent_listings.map((l) => (
                    <Table.Row key={l.id}>
                      <Table.Cell>
                        <Link to={linkTo(`/aliexpress/products?listing=${l.id}`)} className="text-ui-fg-interactive">
                          {l.product_title ?? l.product_id}
                        </Link>
                      </Table.Cell>
                      <Table.Cell>
                        <ListingStatusBadge status={l.status} />
                      </Table.Cell>
                      <Table.Cell>{l.problem_count || "—"}</Table.Cell>
                      <Table.Cell>
                        <NoWrapText title={formatDateTime(l.last_synced_at)}>{formatRelative(l.last_synced_at)}</NoWrapText>
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            ) : (
              <EmptyState title="Nothing synced yet" next="Press Sync now once products are in the AliExpress channel." />
            )}
          </Container>
        </>
      )}
    </AliExpressPage>
  )
}

export const config = defineRouteConfig({ label: "AliExpress", icon: ShoppingBag })

export default OverviewPage
