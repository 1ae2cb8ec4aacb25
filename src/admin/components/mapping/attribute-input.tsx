import { Input, Text } from "@medusajs/ui"
import { isKnownPath } from "../../../lib/mapping/paths"

/** Common Medusa attribute paths offered while typing; any path the engine knows is accepted. */
export const SUGGESTED_PATHS = [
  "title",
  "subtitle",
  "description",
  "handle",
  "material",
  "origin_country",
  "hs_code",
  "weight",
  "length",
  "width",
  "height",
  "thumbnail",
  "images[0]",
  "images[1]",
  "images[2]",
  "tags",
  "type",
  "collection",
  "categories.name",
  "categories.handle",
  "metadata.brand",
  "options.Color",
  "options.Size",
  "variant.sku",
  "variant.title",
  "variant.barcode",
  "variant.weight",
  "variant.option.Color",
  "variant.option.Size",
  "variant.price.usd",
  "variant.metadata.brand",
]

const LIST_ID = "aliexpress-attribute-paths"

export const AttributePathList = () => (
  <datalist id={LIST_ID}>
    {SUGGESTED_PATHS.map((p) => (
      <option key={p} value={p} />
    ))}
  </datalist>
)

export const AttributeInput = ({
  value,
  onChange,
  placeholder = "e.g. title or metadata.brand",
  testId,
}: {
  value: string
  onChange: (v: string) => void
  placeholder?: string
  testId?: string
}) => {
  const unknown = value.trim() !== "" && !isKnownPath(value.trim())
  return (
    <div className="flex flex-col gap-y-1">
      <Input size="small" list={LIST_ID} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
      {unknown && (
        <Text size="xsmall" className="text-ui-fg-error">
          Unknown attribute path. Try one of the suggestions, metadata.&lt;key&gt; or variant.option.&lt;Option&gt;.
        </Text>
      )}
    </div>
  )
}
