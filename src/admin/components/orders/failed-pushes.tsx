import { Button, Container, Heading, Table, Text, toast } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useAeShipments, useRetryShipment } from "../../hooks/orders"
import { toastError } from "../../lib/errors"
import { CarrierName } from "../status-badges"
import { formatRelative } from "../../lib/format"

/** Shipments AliExpress would not take, with its reason: shown until a retry succeeds. */
export const FailedPushes = () => {
  const { data } = useAeShipments({ limit: 50, offset: 0, status: "failed" })
  const retry = useRetryShipment()
  const failed = data?.shipments ?? []
  if (!failed.length) {
    return null
  }
  const onRetry = async (id: string) => {
    try {
      await retry.mutateAsync({ id })
      toast.success("Shipment pushed to AliExpress")
    } catch (e) {
      toastError(e, "The push failed again")
    }
  }
  return (
    <Container className="p-0" data-testid="failed-pushes">
      <div className="px-6 py-4">
        <Heading level="h2">Failed shipment pushes ({data?.count ?? failed.length})</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          AliExpress refused these tracking numbers. Fix the cause (often the carrier mapping in Settings or the tracking number) and retry.
        </Text>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>AliExpress order</Table.HeaderCell>
            <Table.HeaderCell>Carrier · tracking</Table.HeaderCell>
            <Table.HeaderCell>Reason</Table.HeaderCell>
            <Table.HeaderCell>Last attempt</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {failed.map((s) => (
            <Table.Row key={s.id}>
              <Table.Cell>
                <Link to={`/orders/${s.order_id}`} className="text-ui-fg-interactive">
                  {s.ae_order_id}
                </Link>
              </Table.Cell>
              <Table.Cell>
                <CarrierName code={s.service_name} /> · {s.tracking_number}
              </Table.Cell>
              <Table.Cell>
                <Text size="small" className="text-ui-fg-error max-w-md whitespace-normal">
                  {s.last_error_code ? `${s.last_error_code}: ` : ""}
                  {s.last_error ?? "—"}
                </Text>
              </Table.Cell>
              <Table.Cell>{formatRelative((s as any).last_attempt_at ?? s.created_at)}</Table.Cell>
              <Table.Cell>
                <Button size="small" variant="secondary" onClick={() => onRetry(s.id)} isLoading={retry.isPending && retry.variables?.id === s.id}>
                  Retry
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Container>
  )
}
