import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { AeOrderStatus, OrderStatusBadge } from "../components/status-badges"
import { ShipmentList } from "../components/orders/shipment-list"
import { useAeOrderForOrder } from "../hooks/orders"
import { formatTimeLeft } from "../lib/format"
import { isAwaitingShipment } from "../../lib/labels"
import { accountPath } from "../lib/account-path"

/**
 * On the order page of an AliExpress order: the seller account it was placed with, its AliExpress
 * side and the shipment push status. Hidden for other orders.
 */
const OrderAliExpressWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data } = useAeOrderForOrder(order.id)
  const ae = data?.aliexpress_order
  if (!ae) {
    return null
  }
  return (
    <Container className="divide-y p-0" data-testid="aliexpress-order-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">AliExpress</Heading>
        <OrderStatusBadge status={ae.status} />
      </div>
      <div className="grid grid-cols-2 gap-2 px-6 py-4">
        {ae.account_name && (
          <>
            <Text size="small" className="text-ui-fg-subtle">
              Account
            </Text>
            <Text size="small" data-testid="widget-account-name">
              {ae.account_name}
            </Text>
          </>
        )}
        <Text size="small" className="text-ui-fg-subtle">
          Order ID
        </Text>
        <Text size="small" data-testid="widget-ae-order-id">
          <Link className="text-ui-fg-interactive" to={accountPath(`/aliexpress/orders?order=${ae.id}`, ae.account_id)}>
            {ae.ae_order_id}
          </Link>
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          Buyer
        </Text>
        <Text size="small">{ae.buyer_login_id ?? "—"}</Text>
        <Text size="small" className="text-ui-fg-subtle">
          AliExpress status
        </Text>
        <Text size="small" asChild>
          <span>
            <AeOrderStatus code={ae.ae_status} testId="widget-ae-status" />
          </span>
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          Time left to ship
        </Text>
        <Text size="small">{isAwaitingShipment(ae.ae_status, ae.shipments) ? formatTimeLeft(ae.ship_by) : "—"}</Text>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Text size="small" weight="plus">
          Shipments to AliExpress
        </Text>
        <ShipmentList shipments={ae.shipments} />
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default OrderAliExpressWidget
