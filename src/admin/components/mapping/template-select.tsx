import { Input, Select, Text } from "@medusajs/ui"
import type { NamedTemplate } from "../../hooks/reference"

/** Picks one of the seller's AliExpress templates; falls back to typing the id when they cannot be loaded. */
export const TemplateSelect = ({
  value,
  onChange,
  templates,
  loading,
  error,
  testId,
}: {
  value: string
  onChange: (v: string) => void
  templates: NamedTemplate[] | undefined
  loading: boolean
  error: unknown
  testId: string
}) => {
  if (!templates?.length) {
    return (
      <div className="flex flex-col gap-y-1">
        <Input size="small" value={value} onChange={(e) => onChange(e.target.value)} placeholder="template id" data-testid={testId} />
        {!loading && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            {error ? `Could not load them from AliExpress (${(error as Error).message}): type the id.` : "None found on AliExpress: type the id."}
          </Text>
        )}
      </div>
    )
  }
  return (
    <Select size="small" value={value || undefined} onValueChange={onChange}>
      <Select.Trigger data-testid={testId}>
        <Select.Value placeholder="Pick a template" />
      </Select.Trigger>
      <Select.Content>
        {templates.map((t) => (
          <Select.Item key={t.id} value={t.id}>
            {t.name} ({t.id}){t.is_default ? " · default" : ""}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}
