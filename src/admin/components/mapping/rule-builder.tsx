import { Button, IconButton, Input, Select, Text } from "@medusajs/ui"
import { Plus, Trash } from "@medusajs/icons"
import { AttributeInput } from "./attribute-input"
import type { RuleRow } from "./types"

const OPS = [
  { value: "exists", label: "has a value" },
  { value: "not_exists", label: "is empty" },
  { value: "equals", label: "equals" },
  { value: "not_equals", label: "does not equal" },
  { value: "contains", label: "contains" },
  { value: "in", label: "is one of (comma-separated)" },
  { value: "gt", label: "is greater than" },
  { value: "lt", label: "is less than" },
]

const conditionValue = (op: string, raw: string) => {
  if (op === "in") return raw.split(",").map((s) => s.trim()).filter(Boolean)
  if (op === "gt" || op === "lt") return raw === "" ? undefined : Number(raw)
  return raw
}

const shownValue = (v: RuleRow["when"]["value"]) => (Array.isArray(v) ? v.join(", ") : v === undefined ? "" : String(v))

/** "When <attribute> <condition>, use <value>", first match wins, else the default. */
export const RuleBuilder = ({
  rules,
  fallback,
  onChange,
}: {
  rules: RuleRow[]
  fallback: string | number | undefined
  onChange: (rules: RuleRow[], fallback: string | number | undefined) => void
}) => {
  const setRule = (i: number, rule: RuleRow) => onChange(rules.map((r, j) => (j === i ? rule : r)), fallback)
  return (
    <div className="flex flex-col gap-y-2" data-testid="rule-builder">
      {rules.map((rule, i) => {
        const needsValue = rule.when.op !== "exists" && rule.when.op !== "not_exists"
        return (
          <div key={i} className="grid grid-cols-[auto_1fr_1fr_1fr_auto_1fr_auto] items-start gap-2">
            <Text size="small" className="text-ui-fg-subtle pt-1.5">
              {i === 0 ? "When" : "Else when"}
            </Text>
            <AttributeInput value={rule.when.path} onChange={(path) => setRule(i, { ...rule, when: { ...rule.when, path } })} />
            <Select
              size="small"
              value={rule.when.op}
              onValueChange={(op) => setRule(i, { ...rule, when: { path: rule.when.path, op, ...(op === "exists" || op === "not_exists" ? {} : { value: rule.when.value ?? "" }) } })}
            >
              <Select.Trigger>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {OPS.map((o) => (
                  <Select.Item key={o.value} value={o.value}>
                    {o.label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
            {needsValue ? (
              <Input
                size="small"
                value={shownValue(rule.when.value)}
                placeholder="value"
                onChange={(e) => setRule(i, { ...rule, when: { ...rule.when, value: conditionValue(rule.when.op, e.target.value) } })}
              />
            ) : (
              <div />
            )}
            <Text size="small" className="text-ui-fg-subtle pt-1.5">
              use
            </Text>
            <Input size="small" value={String(rule.value)} placeholder="text or {attribute}" onChange={(e) => setRule(i, { ...rule, value: e.target.value })} />
            <IconButton size="small" variant="transparent" onClick={() => onChange(rules.filter((_, j) => j !== i), fallback)} aria-label="Remove rule">
              <Trash />
            </IconButton>
          </div>
        )
      })}
      <div className="flex items-center gap-2">
        <Button size="small" variant="secondary" onClick={() => onChange([...rules, { when: { path: "", op: "exists" }, value: "" }], fallback)}>
          <Plus /> Add rule
        </Button>
        <Text size="small" className="text-ui-fg-subtle">
          Otherwise use
        </Text>
        <Input
          size="small"
          className="max-w-xs"
          value={fallback === undefined ? "" : String(fallback)}
          placeholder="default (empty: no value)"
          onChange={(e) => onChange(rules, e.target.value === "" ? undefined : e.target.value)}
        />
      </div>
    </div>
  )
}
