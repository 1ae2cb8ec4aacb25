/** The template's field sources as the editor handles them (the backend validates them again). */
export type RuleRow = { when: { path: string; op: string; value?: string | number | (string | number)[] }; value: string | number }

export type FieldSource =
  | { source: "attribute"; path: string }
  | { source: "constant"; value: string | number }
  | { source: "template"; template: string }
  | { source: "rule"; rules: RuleRow[]; default?: string | number }
  | { source: "lookup"; list: string; path: string; on_miss: "default" | "problem"; default?: string | number }

export type SourceKind = FieldSource["source"]

/** Where one AliExpress attribute takes its value from (see the template's `attributes`). */
export type AttributeSourceEntry = { source?: FieldSource; value_list?: string }

export type AttributeMapping = AttributeSourceEntry & {
  /** per-category overrides, by AliExpress category id */
  categories?: Record<string, AttributeSourceEntry>
  custom?: boolean
}

export type TemplateRecord = {
  id?: string
  name: string
  is_default?: boolean
  fields: Record<string, FieldSource | undefined>
  attributes?: Record<string, AttributeMapping> | null
  settings?: Record<string, unknown>
}

export const blankSource = (kind: SourceKind): FieldSource => {
  switch (kind) {
    case "attribute":
      return { source: "attribute", path: "" }
    case "constant":
      return { source: "constant", value: "" }
    case "template":
      return { source: "template", template: "" }
    case "rule":
      return { source: "rule", rules: [{ when: { path: "", op: "exists" }, value: "" }], default: "" }
    case "lookup":
      return { source: "lookup", list: "", path: "", on_miss: "problem" }
  }
}
