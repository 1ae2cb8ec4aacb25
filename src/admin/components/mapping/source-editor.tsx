import type { ReactNode } from "react"
import { Input, Select, Textarea } from "@medusajs/ui"
import { AttributeInput } from "./attribute-input"
import { RuleBuilder } from "./rule-builder"
import { blankSource, type FieldSource, type SourceKind } from "./types"

const UNMAPPED = "unmapped"

const KINDS: { value: SourceKind | typeof UNMAPPED; label: string }[] = [
  { value: UNMAPPED, label: "Not mapped" },
  { value: "attribute", label: "Product attribute" },
  { value: "constant", label: "Constant value" },
  { value: "template", label: "Template text" },
  { value: "rule", label: "Rules" },
  { value: "lookup", label: "Lookup list" },
]

const asScalar = (raw: string, numeric: boolean): string | number =>
  numeric && raw.trim() !== "" && !Number.isNaN(Number(raw)) ? Number(raw) : raw

/**
 * Where one AliExpress field takes its value from, with the input that fits
 * the source: an attribute picker, a constant (or a picker the page supplies),
 * a text template, a rule builder or a lookup list picker.
 */
export const SourceEditor = ({
  fieldKey,
  value,
  onChange,
  numeric,
  lookupLists,
  constantInput,
}: {
  fieldKey: string
  value: FieldSource | undefined
  onChange: (v: FieldSource | undefined) => void
  numeric?: boolean
  lookupLists: { name: string }[]
  constantInput?: (value: string, set: (v: string) => void) => ReactNode
}) => {
  const kind = value?.source ?? UNMAPPED
  return (
    <div className="flex flex-col gap-y-2" data-testid={`source-${fieldKey}`}>
      <Select size="small" value={kind} onValueChange={(k) => onChange(k === UNMAPPED ? undefined : blankSource(k as SourceKind))}>
        <Select.Trigger className="w-56" data-testid={`source-kind-${fieldKey}`}>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          {KINDS.map((k) => (
            <Select.Item key={k.value} value={k.value}>
              {k.label}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
      {value?.source === "attribute" && (
        <AttributeInput value={value.path} onChange={(path) => onChange({ ...value, path })} testId={`attr-${fieldKey}`} />
      )}
      {value?.source === "constant" &&
        (constantInput ? (
          constantInput(String(value.value ?? ""), (v) => onChange({ source: "constant", value: asScalar(v, !!numeric) }))
        ) : (
          <Input
            size="small"
            value={String(value.value ?? "")}
            onChange={(e) => onChange({ source: "constant", value: asScalar(e.target.value, !!numeric) })}
            data-testid={`const-${fieldKey}`}
          />
        ))}
      {value?.source === "template" && (
        <Textarea
          value={value.template}
          rows={2}
          placeholder="e.g. {title} by {metadata.brand}"
          onChange={(e) => onChange({ ...value, template: e.target.value })}
        />
      )}
      {value?.source === "rule" && (
        <RuleBuilder rules={value.rules} fallback={value.default} onChange={(rules, fallback) => onChange({ source: "rule", rules, default: fallback })} />
      )}
      {value?.source === "lookup" && (
        <div className="grid grid-cols-1 gap-2 md:grid-cols-2">
          <Select size="small" value={value.list || undefined} onValueChange={(list) => onChange({ ...value, list })}>
            <Select.Trigger>
              <Select.Value placeholder={lookupLists.length ? "Pick a lookup list" : "No lookup lists yet"} />
            </Select.Trigger>
            <Select.Content>
              {lookupLists.map((l) => (
                <Select.Item key={l.name} value={l.name}>
                  {l.name}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
          <AttributeInput value={value.path} onChange={(path) => onChange({ ...value, path })} placeholder="attribute to look up, e.g. categories.handle" />
          <Select
            size="small"
            value={value.on_miss}
            onValueChange={(on_miss) => {
              const { default: _d, ...rest } = value
              onChange(on_miss === "problem" ? { ...rest, on_miss: "problem" } : { ...rest, on_miss: "default", default: value.default ?? "" })
            }}
          >
            <Select.Trigger>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="problem">No match: report a problem</Select.Item>
              <Select.Item value="default">No match: use a default</Select.Item>
            </Select.Content>
          </Select>
          {value.on_miss === "default" && (
            <Input
              size="small"
              value={String(value.default ?? "")}
              placeholder="default value"
              onChange={(e) => onChange({ ...value, default: asScalar(e.target.value, !!numeric) })}
            />
          )}
        </div>
      )}
    </div>
  )
}
