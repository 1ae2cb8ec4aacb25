import { useEffect, useState } from "react"
import { Button, Checkbox, Container, Heading, Input, Label, Select, Text, toast } from "@medusajs/ui"
import { Field } from "../field"
import { useSaveSettings } from "../../hooks/settings"
import { useSalesChannels, useStockLocations } from "../../hooks/medusa"
import { AccountTemplateSelect, STORE_DEFAULT } from "./account-template-select"
import { toastError } from "../../lib/errors"
import type { Settings } from "../../lib/types"
import { savedMessage } from "../../hooks/sync-watch"

const ROUNDINGS = [
  { value: "two_decimals", label: "To the cent (12.34)" },
  { value: "cents_99", label: "Charm price (12.99)" },
  { value: "whole", label: "Whole dollars (13)" },
  { value: "none", label: "No rounding" },
]

const num = (v: string) => (v.trim() === "" ? null : Number(v))

/** Sales channel, quantity rules, price rules and the order import interval. */
export const RulesSection = ({ settings }: { settings: Settings }) => {
  const channels = useSalesChannels()
  const locations = useStockLocations()
  const save = useSaveSettings()
  const [form, setForm] = useState({
    sales_channel_id: "",
    template_id: STORE_DEFAULT,
    stock_location_ids: [] as string[],
    stock_buffer: "0",
    max_quantity: "",
    price_source: "usd_price",
    usd_rate: "1",
    markup_percent: "0",
    price_rounding: "two_decimals",
    order_import_interval_minutes: "1",
  })

  useEffect(() => {
    setForm({
      sales_channel_id: settings.sales_channel_id ?? "",
      template_id: settings.template_id ?? STORE_DEFAULT,
      stock_location_ids: settings.stock_location_ids ?? [],
      stock_buffer: String(settings.stock_buffer ?? 0),
      max_quantity: settings.max_quantity == null ? "" : String(settings.max_quantity),
      price_source: settings.price_source,
      usd_rate: String(settings.usd_rate ?? 1),
      markup_percent: String(settings.markup_percent ?? 0),
      price_rounding: settings.price_rounding,
      order_import_interval_minutes: String(settings.order_import_interval_minutes ?? 1),
    })
  }, [settings.id, settings.updated_at])

  const set = (key: keyof typeof form) => (value: any) => setForm((f) => ({ ...f, [key]: value }))

  const onSave = async () => {
    try {
      const saved = await save.mutateAsync({
        sales_channel_id: form.sales_channel_id || null,
        // A backend without per-account templates answers no template_id and would refuse one.
        ...("template_id" in settings ? { template_id: form.template_id === STORE_DEFAULT ? null : form.template_id } : {}),
        stock_location_ids: form.stock_location_ids.length ? form.stock_location_ids : null,
        stock_buffer: Number(form.stock_buffer || 0),
        max_quantity: num(form.max_quantity),
        price_source: form.price_source,
        usd_rate: Number(form.usd_rate || 1),
        markup_percent: Number(form.markup_percent || 0),
        price_rounding: form.price_rounding,
        order_import_interval_minutes: Number(form.order_import_interval_minutes || 1),
      })
      toast.success(savedMessage("Settings saved", saved.products_to_update))
    } catch (e) {
      toastError(e)
    }
  }

  const toggleLocation = (id: string, on: boolean) =>
    set("stock_location_ids")(on ? [...form.stock_location_ids, id] : form.stock_location_ids.filter((x) => x !== id))

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Listing and order rules</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Which products go to AliExpress, how much stock and at what price.
        </Text>
      </div>
      <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
        <Field label="Sales channel" required help="Products in this channel are listed on AliExpress; imported orders land in it.">
          <Select value={form.sales_channel_id} onValueChange={set("sales_channel_id")}>
            <Select.Trigger data-testid="sales-channel">
              <Select.Value placeholder="The AliExpress channel (created for you)" />
            </Select.Trigger>
            <Select.Content>
              {(channels.data?.sales_channels ?? []).map((c: any) => (
                <Select.Item key={c.id} value={c.id}>
                  {c.name}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </Field>
        <Field label="Mapping template" help="How this account's products are mapped to AliExpress; the store default unless you pick another.">
          <AccountTemplateSelect value={form.template_id} onChange={set("template_id")} />
        </Field>
        <Field label="Order import interval (minutes)" required help="How often new AliExpress orders are fetched (1-1440).">
          <Input type="number" min={1} max={1440} value={form.order_import_interval_minutes} onChange={(e) => set("order_import_interval_minutes")(e.target.value)} />
        </Field>
        <div />
        <Field label="Stock buffer" help="Units held back from AliExpress per variant, so the last pieces are not oversold.">
          <Input type="number" min={0} name="stock_buffer" value={form.stock_buffer} onChange={(e) => set("stock_buffer")(e.target.value)} />
        </Field>
        <Field label="Maximum quantity" help="Cap on the stock shown per SKU; empty for no cap.">
          <Input type="number" min={0} name="max_quantity" value={form.max_quantity} onChange={(e) => set("max_quantity")(e.target.value)} />
        </Field>
        <div className="flex flex-col gap-y-2 md:col-span-2">
          <Label size="small" weight="plus">
            Stock locations
          </Label>
          <Text size="xsmall" className="text-ui-fg-subtle">
            Stock counted for AliExpress. None ticked: every location linked to the sales channel.
          </Text>
          <div className="flex flex-wrap gap-4">
            {(locations.data?.stock_locations ?? []).map((l: any) => (
              <label key={l.id} className="flex items-center gap-x-2">
                <Checkbox checked={form.stock_location_ids.includes(l.id)} onCheckedChange={(v) => toggleLocation(l.id, v === true)} />
                <Text size="small">{l.name}</Text>
              </label>
            ))}
            {!locations.isLoading && !locations.data?.stock_locations?.length && (
              <Text size="small" className="text-ui-fg-subtle">
                No stock locations yet: create one under Settings → Locations & Shipping.
              </Text>
            )}
          </div>
        </div>
        <Field label="Price source" required help="Use the variant's USD price, or convert the store-currency price with the rate below.">
          <Select value={form.price_source} onValueChange={set("price_source")}>
            <Select.Trigger>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="usd_price">USD price of the variant</Select.Item>
              <Select.Item value="convert">Convert the store price</Select.Item>
            </Select.Content>
          </Select>
        </Field>
        <Field label="USD rate" help="Store currency → USD multiplier, used when converting.">
          <Input type="number" step="0.0001" min={0} value={form.usd_rate} onChange={(e) => set("usd_rate")(e.target.value)} disabled={form.price_source !== "convert"} />
        </Field>
        <Field label="Markup (%)" help="Added to every price before rounding; negative for a discount.">
          <Input type="number" step="0.1" name="markup_percent" value={form.markup_percent} onChange={(e) => set("markup_percent")(e.target.value)} />
        </Field>
        <Field label="Rounding" help="Applied after the markup.">
          <Select value={form.price_rounding} onValueChange={set("price_rounding")}>
            <Select.Trigger>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {ROUNDINGS.map((r) => (
                <Select.Item key={r.value} value={r.value}>
                  {r.label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </Field>
      </div>
      <div className="flex justify-end px-6 py-4">
        <Button size="small" onClick={onSave} isLoading={save.isPending} data-testid="save-rules">
          Save rules
        </Button>
      </div>
    </Container>
  )
}
