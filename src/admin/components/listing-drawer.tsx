import { Button, Drawer, Text, toast } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { ListingStatusBadge } from "./status-badges"
import { ProblemsList } from "./problems-list"
import { useSyncNow } from "../hooks/actions"
import type { Listing } from "../hooks/listings"
import { toastError } from "../lib/errors"
import { formatDateTime } from "../lib/format"

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="grid grid-cols-[140px_1fr] gap-x-3 py-1">
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <div className="txt-compact-small text-ui-fg-base">{children}</div>
  </div>
)

/** One listing: where it stands on AliExpress, what is wrong with it and how to fix it. */
export const ListingDrawer = ({ listing, onClose }: { listing: Listing | null; onClose: () => void }) => {
  const sync = useSyncNow()
  const onSync = async () => {
    if (!listing) return
    try {
      await sync.mutateAsync({ product_ids: [listing.product_id] })
      toast.success("Sync requested", { description: listing.product_title ?? listing.product_id })
    } catch (e) {
      toastError(e)
    }
  }
  return (
    <Drawer open={!!listing} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content data-testid="listing-drawer">
        <Drawer.Header>
          <Drawer.Title>{listing?.product_title ?? "Listing"}</Drawer.Title>
        </Drawer.Header>
        {listing && (
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            <div>
              <Row label="Status">
                <ListingStatusBadge status={listing.status} />
              </Row>
              <Row label="AliExpress ID">{listing.ae_product_id ?? "Not listed yet"}</Row>
              <Row label="Last synced">{formatDateTime(listing.last_synced_at)}</Row>
              {listing.audit_reason && <Row label="AliExpress review">{listing.audit_reason}</Row>}
              {listing.last_error && <Row label="Last error">{listing.last_error}</Row>}
            </div>
            <div className="flex flex-col gap-y-2">
              <Text weight="plus">Problems</Text>
              <ProblemsList problems={listing.problems ?? []} />
            </div>
          </Drawer.Body>
        )}
        <Drawer.Footer>
          {listing && (
            <Link to={`/products/${listing.product_id}`}>
              <Button variant="secondary" size="small">
                Open the Medusa product
              </Button>
            </Link>
          )}
          <Button size="small" onClick={onSync} isLoading={sync.isPending} data-testid="drawer-sync">
            Sync this product now
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
