import { useEffect, useRef, useState } from "react"
import { Button, Drawer, IconButton, Input, Label, Text, Textarea, toast } from "@medusajs/ui"
import { CategoryPicker } from "./mapping/category-picker"
import { useCategoryNames } from "../hooks/reference"
import { Plus, Trash } from "@medusajs/icons"
import { useSaveLookupList, type LookupList } from "../hooks/mapping"
import { downloadText, parseCsv, toCsv } from "../lib/csv"
import { toastError } from "../lib/errors"
import { savedMessage } from "../hooks/sync-watch"

type Entry = { from: string; to: string }

/** Reads "from,to" rows; a first row naming the columns is skipped. */
export const entriesFromCsv = (text: string): Entry[] => {
  const rows = parseCsv(text)
  const body = rows.length && /^from$/i.test(rows[0][0]?.trim() ?? "") ? rows.slice(1) : rows
  return body.filter((r) => (r[0] ?? "").trim()).map((r) => ({ from: (r[0] ?? "").trim(), to: (r[1] ?? "").trim() }))
}

export const exportLookupList = (list: { name: string; entries: Entry[] }) =>
  downloadText(`${list.name}.csv`, toCsv([["from", "to"], ...list.entries.map((e) => [e.from, e.to])]))

/** Create or edit one lookup list: rows by hand, or imported from a CSV file. */
export const LookupListEditor = ({ list, open, onClose }: { list: LookupList | null; open: boolean; onClose: () => void }) => {
  const [name, setName] = useState("")
  const [description, setDescription] = useState("")
  const [entries, setEntries] = useState<Entry[]>([])
  const file = useRef<HTMLInputElement>(null)
  const save = useSaveLookupList()
  const [picking, setPicking] = useState<number | null>(null)
  const [picked, setPicked] = useState<Record<string, string>>({})
  const categoryName = useCategoryNames(picked)

  useEffect(() => {
    if (open) {
      setName(list?.name ?? "")
      setDescription(list?.description ?? "")
      setEntries(list?.entries?.length ? list.entries.map((e) => ({ ...e })) : [{ from: "", to: "" }])
    }
  }, [open, list?.id])

  const onImport = async (f: File | undefined) => {
    if (!f) return
    const imported = entriesFromCsv(await f.text())
    if (!imported.length) {
      toast.error("No rows found", { description: "The file needs two columns: from,to" })
      return
    }
    const merged = new Map(entries.filter((e) => e.from.trim()).map((e) => [e.from, e.to]))
    imported.forEach((e) => merged.set(e.from, e.to))
    setEntries([...merged].map(([from, to]) => ({ from, to })))
    toast.success(`${imported.length} rows imported`, { description: "Rows with the same 'from' were replaced. Save to keep them." })
  }

  const onSave = async () => {
    const rows = entries.filter((e) => e.from.trim() || e.to.trim())
    try {
      const saved = await save.mutateAsync({ id: list?.id, name: name.trim(), description: description.trim() || null, entries: rows })
      toast.success(savedMessage("Lookup list saved", saved.products_to_update))
      onClose()
    } catch (e) {
      toastError(e, "The lookup list was not saved")
    }
  }

  return (
    <Drawer open={open} onOpenChange={(o) => !o && onClose()}>
      <Drawer.Content data-testid="lookup-editor">
        <Drawer.Header>
          <Drawer.Title>{list ? `Edit ${list.name}` : "New lookup list"}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          <div className="flex flex-col gap-y-1">
            <Label size="small" weight="plus">
              Name<span className="text-ui-fg-error ml-0.5">*</span>
            </Label>
            <Input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. categories" data-testid="lookup-name" />
            <Text size="xsmall" className="text-ui-fg-subtle">
              Templates refer to the list by this name.
            </Text>
          </div>
          <div className="flex flex-col gap-y-1">
            <Label size="small" weight="plus">
              Description
            </Label>
            <Textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
          </div>
          <div className="flex items-center justify-between">
            <Text weight="plus">Rows ({entries.filter((e) => e.from.trim()).length})</Text>
            <div className="flex gap-x-2">
              <input ref={file} type="file" accept=".csv,text/csv" className="hidden" onChange={(e) => onImport(e.target.files?.[0]).finally(() => (e.target.value = ""))} data-testid="lookup-csv" />
              <Button size="small" variant="secondary" onClick={() => file.current?.click()}>
                Import CSV
              </Button>
              <Button size="small" variant="secondary" onClick={() => exportLookupList({ name: name || "lookup-list", entries })}>
                Export CSV
              </Button>
            </div>
          </div>
          <div className="grid grid-cols-[1fr_1fr_auto] gap-2">
            <Text size="xsmall" className="text-ui-fg-subtle">
              Medusa value (from)
            </Text>
            <Text size="xsmall" className="text-ui-fg-subtle">
              AliExpress value (to)
            </Text>
            <span />
            {entries.map((e, i) => (
              <div key={i} className="contents">
                <Input size="small" data-testid={`lookup-from-${i}`} value={e.from} onChange={(ev) => setEntries(entries.map((x, j) => (j === i ? { ...x, from: ev.target.value } : x)))} />
                <div className="flex min-w-0 flex-col gap-y-0.5">
                  <Input size="small" data-testid={`lookup-to-${i}`} value={e.to} onChange={(ev) => setEntries(entries.map((x, j) => (j === i ? { ...x, to: ev.target.value } : x)))} />
                  <div className="flex items-center gap-x-2">
                    {categoryName(e.to) && (
                      <Text size="xsmall" className="text-ui-fg-subtle truncate" data-testid={`lookup-to-name-${i}`}>
                        {categoryName(e.to)}
                      </Text>
                    )}
                    <Button size="small" variant="transparent" className="h-5 px-1 text-xs" onClick={() => setPicking(picking === i ? null : i)} data-testid={`lookup-pick-category-${i}`}>
                      {picking === i ? "Close categories" : "Pick an AliExpress category"}
                    </Button>
                  </div>
                </div>
                <IconButton size="small" variant="transparent" aria-label="Remove row" onClick={() => setEntries(entries.filter((_, j) => j !== i))}>
                  <Trash />
                </IconButton>
                {picking === i && (
                  <div className="col-span-3">
                    <CategoryPicker
                      value={e.to}
                      testId={`lookup-category-picker-${i}`}
                      onChange={(id, categoryTitle) => {
                        setPicked((p) => ({ ...p, [id]: categoryTitle }))
                        setEntries(entries.map((x, j) => (j === i ? { ...x, to: id } : x)))
                        setPicking(null)
                      }}
                    />
                  </div>
                )}
              </div>
            ))}
          </div>
          <Button size="small" variant="secondary" className="self-start" onClick={() => setEntries([...entries, { from: "", to: "" }])}>
            <Plus /> Add row
          </Button>
        </Drawer.Body>
        <Drawer.Footer>
          <Button size="small" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button size="small" onClick={onSave} isLoading={save.isPending} disabled={!name.trim()} data-testid="lookup-save">
            Save
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
