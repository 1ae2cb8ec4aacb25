import { useEffect, useState } from "react"
import { Button, Container, Heading, Input, Select, Table, Text, toast } from "@medusajs/ui"
import { Field } from "../field"
import { useSaveSettings } from "../../hooks/settings"
import { useShippingOptions } from "../../hooks/medusa"
import { useLogisticsServices, type LogisticsService } from "../../hooks/reference"
import { toastError } from "../../lib/errors"
import type { Settings } from "../../lib/types"

const NONE = "__default__"

const ServicePicker = ({
  value,
  onChange,
  services,
  allowDefault,
  testId,
}: {
  value: string
  onChange: (v: string) => void
  services: LogisticsService[] | undefined
  allowDefault?: boolean
  testId?: string
}) =>
  services?.length ? (
    <Select value={value || (allowDefault ? NONE : "")} onValueChange={(v) => onChange(v === NONE ? "" : v)}>
      <Select.Trigger data-testid={testId}>
        <Select.Value placeholder="Pick an AliExpress logistics service" />
      </Select.Trigger>
      <Select.Content>
        {allowDefault && <Select.Item value={NONE}>Use the default carrier</Select.Item>}
        {services.map((s) => (
          <Select.Item key={s.service_name} value={s.service_name}>
            {s.display_name ? `${s.display_name} (${s.service_name})` : s.service_name}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  ) : (
    <Input value={value} placeholder="AliExpress service name, e.g. UPS" onChange={(e) => onChange(e.target.value)} data-testid={testId} />
  )

/** Which AliExpress logistics service each Medusa shipping option ships with. */
export const CarrierSection = ({ settings }: { settings: Settings }) => {
  const options = useShippingOptions()
  const services = useLogisticsServices(settings.is_connected)
  const save = useSaveSettings()
  const [mapping, setMapping] = useState<Record<string, string>>({})
  const [defaultCarrier, setDefaultCarrier] = useState("")
  const [website, setWebsite] = useState("")

  useEffect(() => {
    setMapping(settings.carrier_mapping ?? {})
    setDefaultCarrier(settings.default_carrier ?? "")
    setWebsite(settings.default_tracking_website ?? "")
  }, [settings.updated_at])

  const onSave = async () => {
    const cleaned = Object.fromEntries(Object.entries(mapping).filter(([, v]) => v.trim()))
    try {
      await save.mutateAsync({
        carrier_mapping: cleaned,
        default_carrier: defaultCarrier.trim() || undefined,
        default_tracking_website: website.trim() || undefined,
      })
      toast.success("Carrier mapping saved")
    } catch (e) {
      toastError(e)
    }
  }

  const shippingOptions = (options.data?.shipping_options ?? []) as any[]

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Carrier mapping</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          When you ship an AliExpress order in Medusa, its tracking number is sent to AliExpress with this carrier.
        </Text>
      </div>
      {services.isError && (
        <div className="px-6 py-3">
          <Text size="small" className="text-ui-fg-subtle">
            The AliExpress logistics services could not be loaded{settings.is_connected ? "" : " (connect the account first)"}: type service names instead.
          </Text>
        </div>
      )}
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Medusa shipping option</Table.HeaderCell>
            <Table.HeaderCell>AliExpress logistics service</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {shippingOptions.map((o) => (
            <Table.Row key={o.id}>
              <Table.Cell>{o.name}</Table.Cell>
              <Table.Cell className="py-2">
                <ServicePicker
                  value={mapping[o.id] ?? ""}
                  onChange={(v) => setMapping((m) => ({ ...m, [o.id]: v }))}
                  services={services.data}
                  allowDefault
                  testId={`carrier-${o.id}`}
                />
              </Table.Cell>
            </Table.Row>
          ))}
          {!options.isLoading && !shippingOptions.length && (
            <Table.Row>
              <Table.Cell>No shipping options yet: create one under Settings → Locations &amp; Shipping.</Table.Cell>
              <Table.Cell />
            </Table.Row>
          )}
        </Table.Body>
      </Table>
      <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
        <Field label="Default carrier" required help="Used for shipping options without a mapping.">
          <ServicePicker value={defaultCarrier} onChange={setDefaultCarrier} services={services.data} testId="default-carrier" />
        </Field>
        <Field label="Default tracking website" help="Sent with carriers AliExpress does not track itself (such as OTHER_US_OVERSEAS).">
          <Input value={website} onChange={(e) => setWebsite(e.target.value)} placeholder="https://www.17track.net" />
        </Field>
      </div>
      <div className="flex justify-end px-6 py-4">
        <Button size="small" onClick={onSave} isLoading={save.isPending}>
          Save carrier mapping
        </Button>
      </div>
    </Container>
  )
}
