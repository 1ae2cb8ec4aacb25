import { useState } from "react"
import { Badge, Button, Skeleton, Text } from "@medusajs/ui"
import { ChevronRightMini } from "@medusajs/icons"
import { useCategoryChildren, useCategoryNames, type CategoryNode } from "../../hooks/reference"

/**
 * Walks the AliExpress category tree one level at a time. Only a leaf can be
 * chosen: AliExpress refuses products in a parent category.
 */
export const CategoryPicker = ({
  value,
  onChange,
  testId = "category-picker",
}: {
  value: string
  onChange: (id: string, name: string) => void
  testId?: string
}) => {
  const [trail, setTrail] = useState<CategoryNode[]>([])
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(null)
  const parentId = trail.length ? trail[trail.length - 1].id : "0"
  const { data, isPending, isError, error } = useCategoryChildren(parentId)
  const nameOf = useCategoryNames()
  // The name picked here only while it is still the value (a template switch changes the value).
  const shownName = chosen?.id === value ? chosen.name : nameOf(value)

  return (
    <div className="flex flex-col gap-y-2 rounded-md border border-ui-border-base p-3" data-testid={testId}>
      <div className="flex items-center gap-x-2">
        <Text size="small" className="text-ui-fg-subtle">
          Selected:
        </Text>
        {value ? (
          <Badge size="2xsmall" color="green" data-testid="category-selected">
            {shownName ? `${shownName} (${value})` : value}
          </Badge>
        ) : (
          <Text size="small" className="text-ui-fg-muted">
            none — pick a leaf category below
          </Text>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-x-1">
        <Button size="small" variant="transparent" onClick={() => setTrail([])}>
          All categories
        </Button>
        {trail.map((node, i) => (
          <span key={node.id} className="flex items-center">
            <ChevronRightMini className="text-ui-fg-muted" />
            <Button size="small" variant="transparent" onClick={() => setTrail(trail.slice(0, i + 1))}>
              {node.name}
            </Button>
          </span>
        ))}
      </div>
      {isPending ? (
        <Skeleton className="h-16 w-full" />
      ) : isError ? (
        <Text size="small" className="text-ui-fg-error">
          The AliExpress categories could not be loaded: {(error as Error)?.message}. Connect the account in Settings, or type the
          leaf category id as a constant.
        </Text>
      ) : (
        <ul className="flex max-h-56 flex-col overflow-y-auto">
          {(data ?? []).map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className={`hover:bg-ui-bg-base-hover flex w-full items-center justify-between rounded-md px-2 py-1 text-left ${c.id === value ? "bg-ui-bg-highlight" : ""}`}
                onClick={() => {
                  if (c.is_leaf) {
                    setChosen({ id: c.id, name: c.name })
                    onChange(c.id, c.name)
                  } else {
                    setTrail([...trail, c])
                  }
                }}
                data-testid={`category-${c.id}`}
              >
                <Text size="small">{c.name}</Text>
                {c.is_leaf ? (
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {c.id === value ? "Selected" : "Choose"}
                  </Text>
                ) : (
                  <ChevronRightMini className="text-ui-fg-muted" />
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
