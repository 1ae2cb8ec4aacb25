import { useEffect, useState } from "react"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, Heading, Skeleton, Text, toast } from "@medusajs/ui"
import { AliExpressPage } from "../../../components/aliexpress-page"
import { Field } from "../../../components/field"
import { AttributePathList } from "../../../components/mapping/attribute-input"
import { AttributeSection } from "../../../components/mapping/attribute-section"
import { CategoryPicker } from "../../../components/mapping/category-picker"
import { PreviewPanel } from "../../../components/mapping/preview-panel"
import { SourceEditor } from "../../../components/mapping/source-editor"
import { TemplateSelect } from "../../../components/mapping/template-select"
import { TemplateSettingsForm } from "../../../components/mapping/template-settings"
import type { FieldSource, TemplateRecord } from "../../../components/mapping/types"
import { useLookupLists, useSaveTemplate, useTemplates } from "../../../hooks/mapping"
import { useFreightTemplates, useServiceTemplates } from "../../../hooks/reference"
import { useSettings } from "../../../hooks/settings"
import { toastError } from "../../../lib/errors"
import { FIELD_DEFINITIONS } from "../../../../lib/mapping/field-definitions"
import { savedMessage } from "../../../hooks/sync-watch"

const MappingPage = () => {
  const { data, isLoading } = useTemplates()
  const settings = useSettings()
  const connected = !!settings.data?.settings?.is_connected
  const lists = useLookupLists()
  const freight = useFreightTemplates(connected)
  const service = useServiceTemplates(connected)
  const save = useSaveTemplate()
  const [template, setTemplate] = useState<TemplateRecord | null>(null)
  const [dirty, setDirty] = useState(false)
  // The chosen account's own template, when its settings pick one; else the store's default.
  const accountTemplateId = settings.data?.settings?.template_id ?? null

  useEffect(() => {
    if (data && !dirty) {
      const active =
        (accountTemplateId && data.templates.find((t) => t.id === accountTemplateId)) ||
        data.templates.find((t) => t.is_default) ||
        data.templates[0]
      setTemplate(active ? { ...active } : { ...data.builtin_template })
    }
  }, [data, accountTemplateId])

  const setField = (key: string, source: FieldSource | undefined) => {
    setDirty(true)
    setTemplate((t) => (t ? { ...t, fields: { ...t.fields, [key]: source } } : t))
  }

  const saveTemplate = async (next: TemplateRecord) => {
    const fields = Object.fromEntries(Object.entries(next.fields).filter(([, v]) => v !== undefined))
    const { template: saved, products_to_update } = await save.mutateAsync({ ...next, fields })
    setTemplate({ ...saved })
    setDirty(false)
    return products_to_update
  }

  const onSave = async () => {
    if (!template) return
    try {
      const count = await saveTemplate(template)
      toast.success(savedMessage("Mapping template saved", count))
    } catch (e) {
      toastError(e, "The template was not saved")
    }
  }

  const constantInputFor = (key: string) => {
    if (key === "category_id") {
      return (value: string, set: (v: string) => void) => <CategoryPicker value={value} onChange={set} />
    }
    if (key === "freight_template_id") {
      return (value: string, set: (v: string) => void) => (
        <TemplateSelect value={value} onChange={set} templates={freight.data} loading={freight.isLoading} error={freight.error} testId="freight-template" />
      )
    }
    if (key === "service_template_id") {
      return (value: string, set: (v: string) => void) => (
        <TemplateSelect value={value} onChange={set} templates={service.data} loading={service.isLoading} error={service.error} testId="service-template" />
      )
    }
    return undefined
  }

  return (
    <AliExpressPage
      title="Mapping template"
      description="Where each AliExpress listing field takes its value from. Fields marked * are required by AliExpress."
      actions={
        <Button size="small" onClick={onSave} isLoading={save.isPending} disabled={!template} data-testid="save-template">
          Save template
        </Button>
      }
    >
      <AttributePathList />
      {isLoading || !template ? (
        <Skeleton className="h-96 w-full" />
      ) : (
        <div className="grid grid-cols-1 gap-3 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="flex flex-col gap-y-3">
            <Container className="divide-y p-0">
              <div className="px-6 py-4">
                <Heading level="h2">{template.name}</Heading>
                <Text size="small" className="text-ui-fg-subtle">
                  {!template.id
                    ? "Not saved yet: these are the built-in defaults."
                    : template.id === accountTemplateId
                      ? "This account's own template, picked in its settings."
                      : "The store's default template, used by every account without a template of its own."}
                  {dirty ? " You have unsaved changes." : ""}
                </Text>
              </div>
              <div className="px-6 py-4">
                <TemplateSettingsForm
                  settings={template.settings ?? {}}
                  onChange={(settings) => {
                    setDirty(true)
                    setTemplate((t) => (t ? { ...t, settings } : t))
                  }}
                />
              </div>
              {FIELD_DEFINITIONS.map((def) => (
                <div key={def.key} className="px-6 py-4" data-testid={`field-${def.key}`}>
                  <Field label={def.label} required={def.required} help={def.help + (def.per_variant ? " Resolved per variant." : "")}>
                    <SourceEditor
                      fieldKey={def.key}
                      value={template.fields[def.key]}
                      onChange={(v) => setField(def.key, v)}
                      numeric={def.kind === "number" || def.kind === "integer" || def.kind === "price"}
                      lookupLists={lists.data?.lookup_lists ?? []}
                      constantInput={constantInputFor(def.key)}
                    />
                  </Field>
                </div>
              ))}
            </Container>
            <AttributeSection
              template={template}
              connected={connected}
              lookupLists={lists.data?.lookup_lists ?? []}
              onChange={(attributes) => {
                setDirty(true)
                setTemplate((t) => (t ? { ...t, attributes } : t))
              }}
              onSaveTemplate={async (t) => void (await saveTemplate(t))}
            />
          </div>
          <div className="flex flex-col gap-y-3 xl:sticky xl:top-4 xl:self-start">
            <PreviewPanel template={template} />
          </div>
        </div>
      )}
    </AliExpressPage>
  )
}

export const config = defineRouteConfig({ label: "Mapping template", rank: 3 })

export default MappingPage
