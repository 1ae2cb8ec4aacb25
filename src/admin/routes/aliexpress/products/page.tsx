import { useMemo, useState } from "react"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Checkbox, Container, Input, Select, Skeleton, Table, Text, toast } from "@medusajs/ui"
import { AliExpressPage } from "../../../components/aliexpress-page"
import { EmptyState } from "../../../components/empty-state"
import { ListingDrawer } from "../../../components/listing-drawer"
import { LISTING_STATUS_META, ListingStatusBadge, NoWrapText } from "../../../components/status-badges"
import { listingStatusLabel } from "../../../../lib/labels"
import { useSyncNow } from "../../../hooks/actions"
import { ALL, useListFilters } from "../../../hooks/list-filters"
import { useListings } from "../../../hooks/listings"
import { useOverview } from "../../../hooks/settings"
import { SyncProgressBar } from "../../../components/progress-bar"
import { toastError } from "../../../lib/errors"
import { formatDateTime, formatRelative } from "../../../lib/format"

const PAGE_SIZE = 20

const ProductsPage = () => {
  const { params, update, search, setSearch, offset, q } = useListFilters()
  const status = params.get("status") ?? ALL
  const problems = params.get("has_problems") ?? ALL
  const missing = params.get("missing_attribute") ?? ALL
  const [selected, setSelected] = useState<string[]>([])
  const sync = useSyncNow()
  const overview = useOverview()
  const progress = overview.data?.account?.sync_progress ?? null

  const query = useMemo(
    () => ({
      limit: PAGE_SIZE,
      offset,
      status: status === ALL ? undefined : status,
      has_problems: problems === ALL ? undefined : problems === "true",
      missing_attribute: missing === ALL ? undefined : missing,
      q,
    }),
    [offset, status, problems, missing, q]
  )
  const { data, isPending, isError, error } = useListings(query)
  const listings = data?.listings ?? []
  const count = data?.count ?? 0
  const open = listings.find((l) => l.id === params.get("listing")) ?? null

  const onSync = async (productIds?: string[]) => {
    try {
      await sync.mutateAsync(productIds ? { product_ids: productIds } : {})
      toast.success(productIds ? `Sync requested for ${productIds.length} product${productIds.length === 1 ? "" : "s"}` : "Full sync started")
      setSelected([])
    } catch (e) {
      toastError(e)
    }
  }

  const selectedProducts = listings.filter((l) => selected.includes(l.id)).map((l) => l.product_id)
  const allOnPage = listings.length > 0 && listings.every((l) => selected.includes(l.id))

  return (
    <AliExpressPage
      title="AliExpress products"
      description="Every product in the AliExpress sales channel and where it stands on AliExpress."
      actions={
        <>
          <Button size="small" variant="secondary" disabled={!selected.length} onClick={() => onSync(selectedProducts)} data-testid="sync-selected">
            Sync selected ({selected.length})
          </Button>
          <Button size="small" onClick={() => onSync()} isLoading={sync.isPending} data-testid="sync-all">
            Sync all now
          </Button>
        </>
      }
    >
      {progress?.state === "running" && (
        <Container className="px-6 py-4">
          <SyncProgressBar progress={progress} />
        </Container>
      )}
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center gap-2 px-6 py-4">
          <Select value={status} onValueChange={(v) => update({ status: v })} size="small">
            <Select.Trigger className="w-44" data-testid="filter-status">
              <Select.Value>{listingStatusLabel(status === ALL ? null : status)}</Select.Value>
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={ALL}>All statuses</Select.Item>
              {Object.entries(LISTING_STATUS_META).map(([value, meta]) => (
                <Select.Item key={value} value={value}>
                  {meta.label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
          <Select value={problems} onValueChange={(v) => update({ has_problems: v })} size="small">
            <Select.Trigger className="w-44" data-testid="filter-problems">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={ALL}>Any problems</Select.Item>
              <Select.Item value="true">With problems</Select.Item>
              <Select.Item value="false">Without problems</Select.Item>
            </Select.Content>
          </Select>
          <Select value={missing === ALL || missing === "true" ? missing : "name"} onValueChange={(v) => update({ missing_attribute: v === "name" ? missing : v })} size="small">
            <Select.Trigger className="w-52" data-testid="filter-missing-attribute">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={ALL}>Any attributes</Select.Item>
              <Select.Item value="true">Missing an attribute</Select.Item>
              {missing !== ALL && missing !== "true" && <Select.Item value="name">Missing {missing}</Select.Item>}
            </Select.Content>
          </Select>
          <Input
            size="small"
            type="search"
            placeholder="Search by product title"
            className="w-64"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="listing-search"
          />
        </div>
        {isError ? (
          <EmptyState title="The listings could not be loaded" next={(error as Error)?.message ?? "Try again in a moment."} />
        ) : isPending ? (
          <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="listings-loading">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} className="h-8 w-full" />
            ))}
          </div>
        ) : !listings.length ? (
          <EmptyState
            title={status !== ALL || problems !== ALL || missing !== ALL || params.get("q") ? "No product matches these filters" : "No products in the AliExpress channel yet"}
            next={
              status !== ALL || problems !== ALL || missing !== ALL || params.get("q")
                ? "Clear the filters to see every product."
                : "Add products to the AliExpress sales channel in Medusa; they appear here and are listed on the next sync."
            }
          />
        ) : (
          <>
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell className="w-8">
                    <Checkbox
                      checked={allOnPage}
                      onCheckedChange={(v) => setSelected(v === true ? listings.map((l) => l.id) : [])}
                      aria-label="Select all on this page"
                    />
                  </Table.HeaderCell>
                  <Table.HeaderCell>Product</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell>AliExpress ID</Table.HeaderCell>
                  <Table.HeaderCell>Last synced</Table.HeaderCell>
                  <Table.HeaderCell>Problems</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {listings.map((l) => (
                  <Table.Row
                    key={l.id}
                    className="cursor-pointer"
                    onClick={() => update({ listing: l.id, offset: String(offset) })}
                    data-testid={`listing-row-${l.product_id}`}
                  >
                    <Table.Cell onClick={(e) => e.stopPropagation()}>
                      <Checkbox
                        checked={selected.includes(l.id)}
                        onCheckedChange={(v) => setSelected((s) => (v === true ? [...s, l.id] : s.filter((x) => x !== l.id)))}
                        aria-label={`Select ${l.product_title ?? l.product_id}`}
                      />
                    </Table.Cell>
                    <Table.Cell>{l.product_title ?? l.product_id}</Table.Cell>
                    <Table.Cell>
                      <ListingStatusBadge status={l.status} />
                    </Table.Cell>
                    <Table.Cell>{l.ae_product_id ?? "—"}</Table.Cell>
                    <Table.Cell>
                      <NoWrapText title={formatDateTime(l.last_synced_at)}>{formatRelative(l.last_synced_at)}</NoWrapText>
                    </Table.Cell>
                    <Table.Cell>
                      {l.problem_count ? (
                        <Text size="small" className="text-ui-fg-error whitespace-nowrap">
                          {l.problem_count} problem{l.problem_count === 1 ? "" : "s"}
                        </Text>
                      ) : (
                        "—"
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            <Table.Pagination
              count={count}
              pageSize={PAGE_SIZE}
              pageIndex={Math.floor(offset / PAGE_SIZE)}
              pageCount={Math.max(1, Math.ceil(count / PAGE_SIZE))}
              canPreviousPage={offset > 0}
              canNextPage={offset + PAGE_SIZE < count}
              previousPage={() => update({ offset: String(Math.max(0, offset - PAGE_SIZE)) })}
              nextPage={() => update({ offset: String(offset + PAGE_SIZE) })}
            />
          </>
        )}
      </Container>
      <ListingDrawer listing={open} onClose={() => update({ listing: null, offset: String(offset) })} />
    </AliExpressPage>
  )
}

export const config = defineRouteConfig({ label: "Products", rank: 1 })

export default ProductsPage
