import { useState } from "react"
import { Input, Popover, Text } from "@medusajs/ui"
import { ChevronUpDown } from "@medusajs/icons"
import { useProductSearch } from "../../hooks/medusa"

type PickedProduct = { id: string; title: string; thumbnail?: string | null }

/** Finds and picks a product in one widget: type to search, click to pick; long titles are cut, never spill. */
export const ProductCombobox = ({ value, onChange }: { value: PickedProduct | null; onChange: (p: PickedProduct) => void }) => {
  const [open, setOpen] = useState(false)
  const [search, setSearch] = useState("")
  const products = useProductSearch(search)
  const found = (products.data?.products ?? []) as PickedProduct[]
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <button
          type="button"
          className="bg-ui-bg-field shadow-borders-base hover:bg-ui-bg-field-hover txt-compact-small flex h-8 w-full min-w-0 items-center justify-between gap-x-2 rounded-md px-2 text-left outline-none"
          data-testid="preview-product"
          title={value?.title}
        >
          <span className={`truncate ${value ? "" : "text-ui-fg-muted"}`}>{value?.title ?? "Find and pick a product"}</span>
          <ChevronUpDown className="text-ui-fg-muted shrink-0" />
        </button>
      </Popover.Trigger>
      <Popover.Content className="z-50 w-[var(--radix-popover-trigger-width)] min-w-[16rem] p-2" align="start">
        <Input
          size="small"
          type="search"
          autoFocus
          placeholder="Search by title"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="preview-product-search"
        />
        <div className="mt-2 flex max-h-72 flex-col overflow-y-auto" role="listbox">
          {products.isLoading && (
            <Text size="small" className="text-ui-fg-subtle px-2 py-1">
              Searching…
            </Text>
          )}
          {!products.isLoading && !found.length && (
            <Text size="small" className="text-ui-fg-subtle px-2 py-1">
              No product matches.
            </Text>
          )}
          {found.map((p) => (
            <button
              key={p.id}
              type="button"
              role="option"
              aria-selected={p.id === value?.id}
              className="hover:bg-ui-bg-base-hover flex min-w-0 items-center gap-x-2 rounded-md px-2 py-1.5 text-left"
              onClick={() => {
                onChange(p)
                setOpen(false)
              }}
              title={p.title}
              data-testid="preview-product-option"
            >
              {p.thumbnail ? (
                <img src={p.thumbnail} alt="" className="h-6 w-6 shrink-0 rounded object-cover" />
              ) : (
                <span className="bg-ui-bg-component h-6 w-6 shrink-0 rounded" />
              )}
              <Text size="small" className="truncate">
                {p.title}
              </Text>
            </button>
          ))}
        </div>
      </Popover.Content>
    </Popover>
  )
}
