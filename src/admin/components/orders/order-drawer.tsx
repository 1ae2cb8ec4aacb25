import { Button, Drawer, Text, toast } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { AeOrderStatus, OrderStatusBadge } from "../status-badges"
import { ProblemsList } from "../problems-list"
import { ShipmentList } from "./shipment-list"
import { useRetryOrder, type AeOrder } from "../../hooks/orders"
import { toastError } from "../../lib/errors"
import { formatDateTime, formatTimeLeft } from "../../lib/format"
import { isAwaitingShipment } from "../../../lib/labels"

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="grid grid-cols-[140px_1fr] gap-x-3 py-1">
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <div className="txt-compact-small">{children}</div>
  </div>
)

/** One AliExpress order: why it is held or failed, and its shipments. */
export const OrderDrawer = ({ order, onClose }: { order: AeOrder | null; onClose: () => void }) => {
  const retry = useRetryOrder()
  const onRetry = async () => {
    if (!order) return
    try {
      const { aliexpress_order } = await retry.mutateAsync(order.id)
      if (aliexpress_order.status === "imported") toast.success("Order imported")
      else toast.warning(`Order still ${aliexpress_order.status}`, { description: aliexpress_order.last_error ?? undefined })
    } catch (e) {
      toastError(e)
    }
  }
  return (
    <Drawer open={!!order} onOpenChange={(o) => !o && onClose()}>
      <Drawer.Content data-testid="order-drawer">
        <Drawer.Header>
          <Drawer.Title>AliExpress order {order?.ae_order_id}</Drawer.Title>
        </Drawer.Header>
        {order && (
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            <div>
              <Row label="Status">
                <OrderStatusBadge status={order.status} />
              </Row>
              <Row label="AliExpress status">
                <AeOrderStatus code={order.ae_status} testId="drawer-ae-status" />
              </Row>
              <Row label="Medusa order">
                {order.order_id ? (
                  <Link className="text-ui-fg-interactive" to={`/orders/${order.order_id}`}>
                    Open order
                  </Link>
                ) : (
                  "Not created"
                )}
              </Row>
              <Row label="Buyer">{order.buyer_login_id ?? "—"}</Row>
              <Row label="Total">{order.total_amount ? `${order.total_amount} ${order.currency_code.toUpperCase()}` : "—"}</Row>
              <Row label="Placed">{formatDateTime(order.ae_created_at)}</Row>
              {/* The deadline means nothing once the order has left: shown only while it waits to ship. */}
              {isAwaitingShipment(order.ae_status, order.shipments) && order.ship_by && (
                <Row label="Ship by">
                  <span data-testid="drawer-ship-by">
                    {formatDateTime(order.ship_by)} ({formatTimeLeft(order.ship_by)})
                  </span>
                </Row>
              )}
              {order.last_error && <Row label="Last error">{order.last_error}</Row>}
            </div>
            {(order.status === "held" || order.status === "failed" || order.problems.length > 0) && (
              <div className="flex flex-col gap-y-2">
                <Text weight="plus">Why it was not imported</Text>
                <ProblemsList problems={order.problems} />
              </div>
            )}
            <div className="flex flex-col gap-y-2">
              <Text weight="plus">Shipments</Text>
              <ShipmentList shipments={order.shipments} />
            </div>
          </Drawer.Body>
        )}
        <Drawer.Footer>
          {order && (order.status === "held" || order.status === "failed") && (
            <Button size="small" onClick={onRetry} isLoading={retry.isPending} data-testid="retry-order">
              Retry import
            </Button>
          )}
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
