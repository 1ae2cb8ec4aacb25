import { useMemo, useState } from "react"
import { Input, Popover, Text } from "@medusajs/ui"
import { ChevronUpDown } from "@medusajs/icons"
import { isKnownPath } from "../../../lib/mapping/paths"
import { searchSources, type CatalogueSource, type SourceGroup } from "../../../lib/mapping/catalogue-sources"
import { useCatalogueSources } from "../../hooks/activity"

const GROUPS: { group: SourceGroup; title: string }[] = [
  { group: "product", title: "Product" },
  { group: "organize", title: "Organize" },
  { group: "options", title: "Options" },
  { group: "variant", title: "Variant" },
  { group: "metadata", title: "Metadata found in your products" },
  { group: "media", title: "Media" },
]

/** Options shown at most: the search narrows the rest. */
const MAX_SHOWN = 60

/** Kept for the page layout; the picker reads the catalogue's own attributes instead of a fixed list. */
export const AttributePathList = () => null

const SourceOption = ({ source, sampled, onPick }: { source: CatalogueSource; sampled: number; onPick: () => void }) => (
  <button
    type="button"
    className="hover:bg-ui-bg-base-hover focus:bg-ui-bg-base-hover flex w-full flex-col items-start gap-y-0.5 rounded-md px-2 py-1.5 text-left outline-none"
    onClick={onPick}
    data-testid={`source-option-${source.path}`}
  >
    <div className="flex w-full items-baseline justify-between gap-x-2">
      <Text size="small" weight="plus" className="truncate">
        {source.label}
      </Text>
      <Text size="xsmall" className="text-ui-fg-muted shrink-0 font-mono">
        {source.path}
      </Text>
    </div>
    <Text size="xsmall" className="text-ui-fg-subtle w-full truncate" data-testid="source-examples">
      {source.examples.length
        ? `e.g. ${source.examples.join(" · ")}${sampled ? ` (in ${source.products} of ${sampled} products)` : ""}`
        : "No value in the products looked at"}
    </Text>
  </button>
)

/**
 * Picks where a value comes from among the attributes the catalogue really has (product fields,
 * options, variant fields, the metadata keys products carry, categories, collections, types,
 * tags), each with example values from the merchant's products. A path typed in the search that
 * the engine reads can still be used as it is.
 */
export const AttributeInput = ({
  value,
  onChange,
  placeholder = "Pick a product attribute",
  testId,
}: {
  value: string
  onChange: (v: string) => void
  placeholder?: string
  testId?: string
}) => {
  const [open, setOpen] = useState(false)
  const [search, setSearch] = useState("")
  const catalogue = useCatalogueSources()
  const sources = catalogue.data?.sources ?? []
  const sampled = catalogue.data?.sampled_products ?? 0
  const current = sources.find((s) => s.path === value.trim())
  const found = useMemo(() => searchSources(sources, search), [sources, search])
  const typed = search.trim()
  const typedIsPath = typed !== "" && isKnownPath(typed) && !sources.some((s) => s.path === typed)
  const unknown = value.trim() !== "" && !isKnownPath(value.trim())

  const pick = (path: string) => {
    onChange(path)
    setOpen(false)
    setSearch("")
  }

  return (
    <div className="flex min-w-0 flex-col gap-y-1">
      <Popover open={open} onOpenChange={setOpen}>
        <Popover.Trigger asChild>
          <button
            type="button"
            className="bg-ui-bg-field shadow-borders-base hover:bg-ui-bg-field-hover txt-compact-small flex h-8 w-full min-w-0 items-center justify-between gap-x-2 rounded-md px-2 text-left outline-none"
            data-testid={testId}
            data-path={value}
          >
            {value ? (
              <span className="flex min-w-0 items-baseline gap-x-2">
                <span className="truncate">{current?.label ?? value}</span>
                {current && <span className="text-ui-fg-muted shrink-0 font-mono text-xs">{value}</span>}
              </span>
            ) : (
              <span className="text-ui-fg-muted truncate">{placeholder}</span>
            )}
            <ChevronUpDown className="text-ui-fg-muted shrink-0" />
          </button>
        </Popover.Trigger>
        <Popover.Content className="z-50 w-[min(32rem,90vw)] p-2" align="start" data-testid="source-picker">
          <Input
            size="small"
            type="search"
            autoFocus
            placeholder="Search attributes and values, e.g. brand or Red"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="source-search"
          />
          <div className="mt-2 flex max-h-80 flex-col overflow-y-auto">
            {catalogue.isLoading && (
              <Text size="small" className="text-ui-fg-subtle px-2 py-1">
                Reading your catalogue…
              </Text>
            )}
            {typedIsPath && (
              <button type="button" className="hover:bg-ui-bg-base-hover rounded-md px-2 py-1.5 text-left" onClick={() => pick(typed)} data-testid="source-use-typed">
                <Text size="small">
                  Use <span className="font-mono">{typed}</span>
                </Text>
              </button>
            )}
            {GROUPS.map(({ group, title }) => {
              const inGroup = found.filter((s) => s.group === group).slice(0, MAX_SHOWN)
              return inGroup.length ? (
                <div key={group} className="flex flex-col py-1">
                  <Text size="xsmall" weight="plus" className="text-ui-fg-muted px-2 py-1 uppercase">
                    {title}
                  </Text>
                  {inGroup.map((s) => (
                    <SourceOption key={s.path} source={s} sampled={sampled} onPick={() => pick(s.path)} />
                  ))}
                </div>
              ) : null
            })}
            {!catalogue.isLoading && !found.length && !typedIsPath && (
              <Text size="small" className="text-ui-fg-subtle px-2 py-1">
                No attribute matches. Type a path such as metadata.brand to use it as it is.
              </Text>
            )}
          </div>
          {sampled > 0 && (
            <Text size="xsmall" className="text-ui-fg-muted px-2 pt-2">
              Examples from your {sampled} newest products.
            </Text>
          )}
        </Popover.Content>
      </Popover>
      {unknown && (
        <Text size="xsmall" className="text-ui-fg-error">
          Unknown attribute path. Pick one from the list, or use metadata.&lt;key&gt; or variant.option.&lt;Option&gt;.
        </Text>
      )}
    </div>
  )
}
