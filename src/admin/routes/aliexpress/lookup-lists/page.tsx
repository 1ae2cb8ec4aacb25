import { useState } from "react"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, Skeleton, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { AliExpressPage } from "../../../components/aliexpress-page"
import { EmptyState } from "../../../components/empty-state"
import { LookupListEditor, exportLookupList } from "../../../components/lookup-list-editor"
import { useDeleteLookupList, useLookupLists, type LookupList } from "../../../hooks/mapping"
import { toastError } from "../../../lib/errors"

const LookupListsPage = () => {
  const { data, isLoading } = useLookupLists()
  const remove = useDeleteLookupList()
  const prompt = usePrompt()
  const [editing, setEditing] = useState<LookupList | null>(null)
  const [open, setOpen] = useState(false)
  const lists = data?.lookup_lists ?? []

  const onDelete = async (list: LookupList) => {
    const ok = await prompt({
      title: `Delete "${list.name}"?`,
      description: "Template fields that use this list will report a problem until you pick another list.",
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!ok) return
    try {
      await remove.mutateAsync(list.id)
      toast.success("Lookup list deleted")
    } catch (e) {
      toastError(e)
    }
  }

  return (
    <AliExpressPage
      title="Lookup lists"
      description="Tables that turn a Medusa value into an AliExpress one, e.g. a category handle into an AliExpress category id."
      actions={
        <Button size="small" onClick={() => { setEditing(null); setOpen(true) }} data-testid="new-lookup">
          New lookup list
        </Button>
      }
    >
      <Container className="p-0">
        {isLoading ? (
          <Skeleton className="h-32 w-full" />
        ) : !lists.length ? (
          <EmptyState
            title="No lookup lists yet"
            next="Create one, or import a CSV with two columns (from,to). Then pick it as the source of a field in the mapping template."
          />
        ) : (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Name</Table.HeaderCell>
                <Table.HeaderCell>Description</Table.HeaderCell>
                <Table.HeaderCell>Rows</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Actions</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {lists.map((l) => (
                <Table.Row key={l.id} data-testid={`lookup-row-${l.name}`}>
                  <Table.Cell>
                    <Text size="small" weight="plus">
                      {l.name}
                    </Text>
                  </Table.Cell>
                  <Table.Cell>{l.description ?? "—"}</Table.Cell>
                  <Table.Cell>{l.entries?.length ?? 0}</Table.Cell>
                  <Table.Cell>
                    <div className="flex justify-end gap-x-2">
                      <Button size="small" variant="transparent" onClick={() => exportLookupList(l)}>
                        Export CSV
                      </Button>
                      <Button size="small" variant="secondary" onClick={() => { setEditing(l); setOpen(true) }}>
                        Edit
                      </Button>
                      <Button size="small" variant="danger" onClick={() => onDelete(l)}>
                        Delete
                      </Button>
                    </div>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Container>
      <LookupListEditor list={editing} open={open} onClose={() => setOpen(false)} />
    </AliExpressPage>
  )
}

export const config = defineRouteConfig({ label: "Lookup lists", rank: 4 })

export default LookupListsPage
