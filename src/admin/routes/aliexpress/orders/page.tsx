import { useMemo } from "react"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, Input, Select, Skeleton, Table, Text, toast } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { AliExpressPage } from "../../../components/aliexpress-page"
import { EmptyState } from "../../../components/empty-state"
import { FailedPushes } from "../../../components/orders/failed-pushes"
import { OrderDrawer } from "../../../components/orders/order-drawer"
import { TrackingUpload } from "../../../components/orders/tracking-upload"
import { AeOrderStatus, NoWrapText, ORDER_STATUS_META, OrderStatusBadge, ShipmentStatusBadge } from "../../../components/status-badges"
import { useImportOrdersNow } from "../../../hooks/actions"
import { ALL, useListFilters } from "../../../hooks/list-filters"
import { useAeOrders, useRetryOrder } from "../../../hooks/orders"
import { toastError } from "../../../lib/errors"
import { formatDateTime, formatRelative, formatTimeLeft } from "../../../lib/format"
import { isAwaitingShipment } from "../../../../lib/labels"

const PAGE_SIZE = 20

const OrdersPage = () => {
  const { params, update, search, setSearch, offset, q } = useListFilters()
  const status = params.get("status") ?? ALL
  const importNow = useImportOrdersNow()
  const retry = useRetryOrder()

  const query = useMemo(
    () => ({ limit: PAGE_SIZE, offset, status: status === ALL ? undefined : status, q }),
    [offset, status, q]
  )
  const { data, isPending, isError, error } = useAeOrders(query)
  const orders = data?.orders ?? []
  const count = data?.count ?? 0
  const open = orders.find((o) => o.id === params.get("order")) ?? null

  const onImport = async () => {
    try {
      const { result } = await importNow.mutateAsync()
      toast.success("Order import finished", {
        description: result && typeof result === "object" ? `${result.imported ?? 0} imported, ${result.held ?? 0} held, ${result.failed ?? 0} failed` : undefined,
      })
    } catch (e) {
      toastError(e)
    }
  }

  const onRetry = async (id: string) => {
    try {
      const { aliexpress_order } = await retry.mutateAsync(id)
      if (aliexpress_order.status === "imported") toast.success(`Order ${aliexpress_order.ae_order_id} imported`)
      else toast.warning(`Order ${aliexpress_order.ae_order_id} is still ${aliexpress_order.status}`, { description: aliexpress_order.last_error ?? undefined })
    } catch (e) {
      toastError(e)
    }
  }

  return (
    <AliExpressPage
      title="AliExpress orders"
      description="Orders placed on AliExpress, the Medusa orders made from them, and their shipments."
      actions={
        <Button size="small" onClick={onImport} isLoading={importNow.isPending} data-testid="import-orders">
          Import orders now
        </Button>
      }
    >
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center gap-2 px-6 py-4">
          <Select size="small" value={status} onValueChange={(v) => update({ status: v })}>
            <Select.Trigger className="w-44" data-testid="order-status-filter">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={ALL}>All orders</Select.Item>
              {Object.entries(ORDER_STATUS_META).map(([value, meta]) => (
                <Select.Item key={value} value={value}>
                  {meta.label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
          <Input size="small" type="search" className="w-64" placeholder="AliExpress order id or buyer" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        {isError ? (
          <EmptyState title="The orders could not be loaded" next={(error as Error)?.message ?? "Try again in a moment."} />
        ) : isPending ? (
          <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="orders-loading">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} className="h-8 w-full" />
            ))}
          </div>
        ) : !orders.length ? (
          <EmptyState
            title={status !== ALL || params.get("q") ? "No order matches these filters" : "No AliExpress orders yet"}
            next={
              status !== ALL || params.get("q")
                ? "Clear the filters to see every order."
                : "New AliExpress orders are imported on the interval set in Settings; press Import orders now to fetch them at once."
            }
          />
        ) : (
          <>
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>AliExpress order</Table.HeaderCell>
                  <Table.HeaderCell>Medusa order</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell>Buyer</Table.HeaderCell>
                  <Table.HeaderCell>Total</Table.HeaderCell>
                  <Table.HeaderCell>Time left to ship</Table.HeaderCell>
                  <Table.HeaderCell>Shipment push</Table.HeaderCell>
                  <Table.HeaderCell />
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {orders.map((o) => (
                  <Table.Row key={o.id} className="cursor-pointer" onClick={() => update({ order: o.id, offset: String(offset) })} data-testid={`ae-order-${o.ae_order_id}`}>
                    <Table.Cell>
                      <div className="flex flex-col">
                        <Text size="small" weight="plus">
                          {o.ae_order_id}
                        </Text>
                        <Text size="xsmall" className="text-ui-fg-subtle whitespace-nowrap" title={formatDateTime(o.ae_created_at)}>
                          {formatRelative(o.ae_created_at)}
                        </Text>
                        <Text size="xsmall" className="text-ui-fg-subtle whitespace-nowrap" asChild>
                          <span>
                            <AeOrderStatus code={o.ae_status} testId={`ae-status-${o.ae_order_id}`} />
                          </span>
                        </Text>
                      </div>
                    </Table.Cell>
                    <Table.Cell onClick={(e) => e.stopPropagation()}>
                      {o.order_id ? (
                        <Link to={`/orders/${o.order_id}`} className="text-ui-fg-interactive">
                          View order
                        </Link>
                      ) : (
                        "—"
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      <div className="flex flex-col gap-y-0.5">
                        <OrderStatusBadge status={o.status} />
                        {(o.status === "held" || o.status === "failed") && (o.problems[0]?.message ?? o.last_error) && (
                          <Text size="xsmall" className="text-ui-fg-error max-w-xs truncate" title={o.problems[0]?.message ?? o.last_error ?? ""}>
                            {o.problems[0]?.message ?? o.last_error}
                          </Text>
                        )}
                      </div>
                    </Table.Cell>
                    <Table.Cell>{o.buyer_login_id ?? "—"}</Table.Cell>
                    <Table.Cell>{o.total_amount ? `${o.total_amount} ${o.currency_code.toUpperCase()}` : "—"}</Table.Cell>
                    <Table.Cell>
                      <NoWrapText>{isAwaitingShipment(o.ae_status, o.shipments) ? formatTimeLeft(o.ship_by) : "—"}</NoWrapText>
                    </Table.Cell>
                    <Table.Cell>{o.shipment_push_status ? <ShipmentStatusBadge status={o.shipment_push_status} /> : "—"}</Table.Cell>
                    <Table.Cell onClick={(e) => e.stopPropagation()}>
                      {(o.status === "held" || o.status === "failed") && (
                        <Button size="small" variant="secondary" onClick={() => onRetry(o.id)} isLoading={retry.isPending && retry.variables === o.id}>
                          Retry
                        </Button>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            <Table.Pagination
              count={count}
              pageSize={PAGE_SIZE}
              pageIndex={Math.floor(offset / PAGE_SIZE)}
              pageCount={Math.max(1, Math.ceil(count / PAGE_SIZE))}
              canPreviousPage={offset > 0}
              canNextPage={offset + PAGE_SIZE < count}
              previousPage={() => update({ offset: String(Math.max(0, offset - PAGE_SIZE)) })}
              nextPage={() => update({ offset: String(offset + PAGE_SIZE) })}
            />
          </>
        )}
      </Container>
      <FailedPushes />
      <TrackingUpload />
      <OrderDrawer order={open} onClose={() => update({ order: null, offset: String(offset) })} />
    </AliExpressPage>
  )
}

export const config = defineRouteConfig({ label: "Orders", rank: 2 })

export default OrdersPage
