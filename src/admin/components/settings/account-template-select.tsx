import { Select } from "@medusajs/ui"
import { useTemplates } from "../../hooks/mapping"

/** The select's value for "no template of its own": the account follows the store's default template. */
export const STORE_DEFAULT = "store-default"

/** Picks the mapping template an account lists with (templates are shared by every account). */
export const AccountTemplateSelect = ({ value, onChange }: { value: string; onChange: (v: string) => void }) => {
  const { data } = useTemplates()
  const templates = data?.templates ?? []
  const fallback = templates.find((t) => t.is_default)?.name ?? data?.builtin_template?.name
  return (
    <Select value={value} onValueChange={onChange}>
      <Select.Trigger data-testid="account-template">
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        <Select.Item value={STORE_DEFAULT}>Store default{fallback ? ` (${fallback})` : ""}</Select.Item>
        {templates
          .filter((t) => t.id)
          .map((t) => (
            <Select.Item key={t.id} value={t.id!}>
              {t.name}
            </Select.Item>
          ))}
      </Select.Content>
    </Select>
  )
}
