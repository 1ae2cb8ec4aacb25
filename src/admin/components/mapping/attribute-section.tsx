import { useState } from "react"
import { Badge, Button, Container, Heading, Select, Text, toast } from "@medusajs/ui"
import { CategoryPicker } from "./category-picker"
import { SourceEditor } from "./source-editor"
import { ValueMatchTable } from "./value-match-table"
import type { AttributeMapping, FieldSource, TemplateRecord } from "./types"
import {
  useCategoryAttributes,
  useRefreshCategoryAttributes,
  useSaveLookupList,
  type AttributeReport,
  type LookupList,
} from "../../hooks/mapping"
import { errorMessage, toastError } from "../../lib/errors"

const INPUT = { single: "One value", multi: "Several values", text: "Free text" }
const NO_LIST = "none"

const describe = (source: FieldSource | undefined): string => {
  switch (source?.source) {
    case "attribute":
      return `Product attribute ${source.path}`
    case "constant":
      return `Constant "${source.value}"`
    case "template":
      return `Template ${source.template}`
    case "rule":
      return `Rules (${source.rules.length})${source.default !== undefined ? `, default ${source.default}` : ""}`
    case "lookup":
      return `Lookup list ${source.list} on ${source.path}`
    default:
      return "Not mapped"
  }
}

const ORIGIN = {
  template: "Template entry",
  category: "Override for this category",
  brand: "Brand field",
  default: "No entry, so built in",
}

/** JSON with sorted keys: a saved template comes back from jsonb with its keys reordered. */
const stable = (value: unknown): string =>
  value === null || typeof value !== "object"
    ? JSON.stringify(value) ?? ""
    : Array.isArray(value)
      ? `[${value.map(stable).join(",")}]`
      : `{${Object.keys(value as object)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
          .join(",")}}`

/** The key of a template entry for an attribute name, case and spacing ignored. */
const entryKey = (attributes: Record<string, AttributeMapping>, name: string) =>
  Object.keys(attributes).find((k) => k.toLowerCase().replace(/\s+/g, "") === name.toLowerCase().replace(/\s+/g, "")) ?? name

/**
 * Category attributes in the mapping editor: pick a category, see the attributes AliExpress asks
 * for there (required ones marked) with the source of each and how the catalogue's values match,
 * map an attribute for every category or only this one, and match values in place.
 */
export const AttributeSection = ({
  template,
  onChange,
  onSaveTemplate,
  lookupLists,
  connected,
}: {
  template: TemplateRecord
  onChange: (attributes: Record<string, AttributeMapping>) => void
  onSaveTemplate: (template: TemplateRecord) => Promise<void>
  lookupLists: LookupList[]
  connected: boolean
}) => {
  const fixed = template.fields.category_id?.source === "constant" ? String(template.fields.category_id.value) : ""
  const [categoryId, setCategoryId] = useState(fixed)
  const [open, setOpen] = useState<{ name: string; what: "source" | "values" } | null>(null)
  const [onlyHere, setOnlyHere] = useState(false)
  const query = useCategoryAttributes(connected ? categoryId : "")
  const refresh = useRefreshCategoryAttributes()
  const saveList = useSaveLookupList()
  const data = query.data?.category_attributes
  const attributes = template.attributes ?? {}
  const reports = new Map((data?.values?.attributes ?? []).map((r) => [r.name, r]))

  const setEntry = (name: string, patch: (entry: AttributeMapping) => AttributeMapping) => {
    const key = entryKey(attributes, name)
    onChange({ ...attributes, [key]: patch(attributes[key] ?? {}) })
  }

  const editSource = (name: string, source: FieldSource | undefined) =>
    setEntry(name, (entry) =>
      onlyHere ? { ...entry, categories: { ...entry.categories, [categoryId]: { ...entry.categories?.[categoryId], source } } } : { ...entry, source }
    )

  const match = async (report: AttributeReport, input: string, valueId: string) => {
    const key = entryKey(attributes, report.name)
    const entry = attributes[key] ?? {}
    const listName = entry.categories?.[categoryId]?.value_list ?? entry.value_list ?? `${report.name} values`
    const list = lookupLists.find((l) => l.name.toLowerCase() === listName.toLowerCase())
    const entries = [...(list?.entries ?? []).filter((e) => e.from.toLowerCase() !== input.toLowerCase()), { from: input, to: valueId }]
    try {
      await saveList.mutateAsync({ id: list?.id, name: list?.name ?? listName, description: list?.description ?? `${report.name}: your value -> AliExpress value id`, entries })
      if (!entry.value_list && !entry.categories?.[categoryId]?.value_list) {
        await onSaveTemplate({ ...template, attributes: { ...attributes, [key]: { ...entry, value_list: listName } } })
      }
      toast.success(`"${input}" now matches ${report.accepted.find((v) => v.id === valueId)?.name ?? valueId}`, {
        description: `Saved in the value list "${listName}".`,
      })
    } catch (e) {
      toastError(e, "The value match was not saved")
    }
  }

  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="attribute-section">
      <div className="flex items-start justify-between gap-x-2">
        <div>
          <Heading level="h2">Category attributes</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            The item attributes AliExpress asks for in a category (Brand Name, Origin, Material...). An entry applies in every
            category with that attribute; without one, the product's own field or its metadata key (e.g. metadata.sleeve_length) is read.
          </Text>
        </div>
        {categoryId && connected && (
          <Button size="small" variant="secondary" isLoading={refresh.isPending} onClick={() => refresh.mutate(categoryId)}>
            Refresh from AliExpress
          </Button>
        )}
      </div>
      {!connected ? (
        <Text size="small" className="text-ui-fg-muted">
          Connect the AliExpress account in Settings to see each category's attributes.
        </Text>
      ) : (
        <CategoryPicker value={categoryId} onChange={setCategoryId} testId="attribute-category-picker" />
      )}
      {query.isError && (
        <Text size="small" className="text-ui-fg-error">
          {errorMessage(query.error)}
        </Text>
      )}
      {data?.error && (
        <Text size="small" className="text-ui-fg-error" data-testid="attributes-error">
          AliExpress did not describe category {categoryId}: {data.error}
        </Text>
      )}
      {data && !data.error && (
        <div className="flex flex-col divide-y" data-testid="attribute-list">
          <Text size="xsmall" className="text-ui-fg-subtle pb-2">
            {data.values ? `${data.values.products} product(s) of the channel map to this category.` : ""} Variations:{" "}
            {data.sku_attributes.map((s) => `${s.name}${s.custom_name ? " (own names allowed)" : ""}`).join(", ") || "none"}.
          </Text>
          {data.attributes.map((def) => {
            const report = reports.get(def.name)
            const key = entryKey(attributes, def.name)
            const entry = attributes[key]
            const slug = def.name.replace(/\s+/g, "-")
            const isOpen = open?.name === def.name
            const override = entry?.categories?.[categoryId]
            return (
              <div key={def.name_id} className="flex flex-col gap-y-2 py-3" data-testid={`attribute-row-${slug}`}>
                <div className="flex flex-wrap items-center gap-x-2">
                  <Text size="small" weight="plus">
                    {def.name}
                  </Text>
                  {def.required ? (
                    <Badge size="2xsmall" color="red" data-testid="attribute-required">
                      Required
                    </Badge>
                  ) : (
                    <Badge size="2xsmall" color="grey">
                      Optional
                    </Badge>
                  )}
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {INPUT[def.input]}
                    {def.values.length ? `, ${def.values.length} accepted values` : ""}
                  </Text>
                  {report && (
                    <Text size="xsmall" className="ml-auto" data-testid="attribute-counts">
                      {report.counts.matched} match · {report.counts.other} Other · {report.counts.failed} fail · {report.counts.empty} empty
                    </Text>
                  )}
                </div>
                <Text size="xsmall" className="text-ui-fg-subtle" data-testid="attribute-source">
                  {report ? `${ORIGIN[report.origin]}: ${describe(report.source)}` : describe(entry?.source)}
                  {report && (override?.source ?? entry?.source) !== undefined && stable(override?.source ?? entry?.source) !== stable(report.source) ? " (unsaved changes)" : ""}
                  {(override?.value_list ?? entry?.value_list) ? ` · value list "${override?.value_list ?? entry?.value_list}"` : ""}
                </Text>
                <div className="flex gap-x-2">
                  <Button size="small" variant="secondary" onClick={() => setOpen(isOpen && open?.what === "source" ? null : { name: def.name, what: "source" })} data-testid={`edit-attribute-${slug}`}>
                    Map
                  </Button>
                  {report && def.input !== "text" && (
                    <Button size="small" variant="secondary" onClick={() => setOpen(isOpen && open?.what === "values" ? null : { name: def.name, what: "values" })} data-testid={`values-attribute-${slug}`}>
                      Values
                    </Button>
                  )}
                </div>
                {isOpen && open?.what === "source" && (
                  <div className="flex flex-col gap-y-2 rounded-md border border-ui-border-base p-3" data-testid={`attribute-editor-${slug}`}>
                    <Select size="small" value={onlyHere ? "here" : "all"} onValueChange={(v) => setOnlyHere(v === "here")}>
                      <Select.Trigger className="w-72">
                        <Select.Value />
                      </Select.Trigger>
                      <Select.Content>
                        <Select.Item value="all">Every category with {def.name}</Select.Item>
                        <Select.Item value="here">Only category {categoryId}</Select.Item>
                      </Select.Content>
                    </Select>
                    <SourceEditor
                      fieldKey={`attribute-${slug}`}
                      value={onlyHere ? override?.source : entry?.source}
                      onChange={(source) => editSource(def.name, source)}
                      lookupLists={lookupLists}
                    />
                    <Select
                      size="small"
                      value={entry?.value_list ?? NO_LIST}
                      onValueChange={(v) => setEntry(def.name, (e) => ({ ...e, value_list: v === NO_LIST ? undefined : v }))}
                    >
                      <Select.Trigger className="w-72" data-testid={`value-list-${slug}`}>
                        <Select.Value />
                      </Select.Trigger>
                      <Select.Content>
                        <Select.Item value={NO_LIST}>No value list (match by name)</Select.Item>
                        {lookupLists.map((l) => (
                          <Select.Item key={l.id} value={l.name}>
                            Value list: {l.name}
                          </Select.Item>
                        ))}
                      </Select.Content>
                    </Select>
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      Save the template to apply. Values match by name (case and spacing ignored), then through the value list; the rest
                      go to "Other" with their text where {def.name} has an "Other" value, else they are a problem.
                    </Text>
                  </div>
                )}
                {isOpen && open?.what === "values" && report && (
                  <ValueMatchTable report={report} saving={saveList.isPending} onMatch={(input, id) => match(report, input, id)} />
                )}
              </div>
            )
          })}
        </div>
      )}
    </Container>
  )
}
