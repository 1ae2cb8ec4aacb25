import { Input, Select } from "@medusajs/ui"
import { Field } from "../field"

type Settings = Record<string, any>

const list = (v: unknown) => (Array.isArray(v) ? v.join(", ") : "")
const splitList = (v: string) => v.split(",").map((s) => s.trim()).filter(Boolean)

/** Units and option names the template reads Medusa data with. */
export const TemplateSettingsForm = ({ settings, onChange }: { settings: Settings; onChange: (s: Settings) => void }) => {
  const set = (key: string, value: unknown) => onChange({ ...settings, [key]: value })
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2" data-testid="template-settings">
      <Field label="Weight unit in Medusa" help="Converted to kilograms for AliExpress.">
        <Select size="small" value={settings.weight_unit ?? "g"} onValueChange={(v) => set("weight_unit", v)}>
          <Select.Trigger>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="g">Grams</Select.Item>
            <Select.Item value="kg">Kilograms</Select.Item>
          </Select.Content>
        </Select>
      </Field>
      <Field label="Dimension unit in Medusa" help="Converted to whole centimetres for AliExpress.">
        <Select size="small" value={settings.dimension_unit ?? "cm"} onValueChange={(v) => set("dimension_unit", v)}>
          <Select.Trigger>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="cm">Centimetres</Select.Item>
            <Select.Item value="mm">Millimetres</Select.Item>
          </Select.Content>
        </Select>
      </Field>
      <Field label="Title length limit" help="AliExpress cuts nothing: longer titles are reported as a problem.">
        <Input
          size="small"
          type="number"
          min={1}
          max={1000}
          value={settings.title_max_length ?? 128}
          onChange={(e) => set("title_max_length", e.target.value === "" ? undefined : Number(e.target.value))}
        />
      </Field>
      <div />
      <Field label="Colour option names" help="Medusa option titles sent as the AliExpress Color attribute, comma-separated.">
        <Input size="small" value={list(settings.color_option)} onChange={(e) => set("color_option", splitList(e.target.value))} />
      </Field>
      <Field label="Size option names" help="Medusa option titles sent as the AliExpress Size attribute, comma-separated.">
        <Input size="small" value={list(settings.size_option)} onChange={(e) => set("size_option", splitList(e.target.value))} />
      </Field>
    </div>
  )
}
