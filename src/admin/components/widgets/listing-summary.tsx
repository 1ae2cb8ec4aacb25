import { Button, Text, toast } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { ListingStatusBadge } from "../status-badges"
import { ProblemsList } from "../problems-list"
import { useSyncNow } from "../../hooks/actions"
import type { Listing } from "../../hooks/listings"
import { accountPath } from "../../lib/account-path"
import { toastError } from "../../lib/errors"
import { formatDateTime } from "../../lib/format"

/** One seller account's listing of a product: where it stands, what blocks it, and a sync for that account. */
export const ListingSummary = ({ listing, showAccount }: { listing: Listing; showAccount: boolean }) => {
  const sync = useSyncNow()

  const onSync = async () => {
    try {
      await sync.mutateAsync({ product_ids: [listing.product_id], ...(listing.account_id ? { account_id: listing.account_id } : {}) })
      toast.success("AliExpress sync requested", { description: listing.account_name ?? undefined })
    } catch (e) {
      toastError(e)
    }
  }

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="widget-listing" data-account-id={listing.account_id ?? ""}>
      {showAccount && (
        <div className="flex items-center justify-between gap-x-2">
          <Text size="small" weight="plus" data-testid="widget-account-name">
            {listing.account_name ?? "AliExpress account"}
          </Text>
          <ListingStatusBadge status={listing.status} />
        </div>
      )}
      <div className="grid grid-cols-2 gap-2">
        <Text size="small" className="text-ui-fg-subtle">
          AliExpress ID
        </Text>
        <Text size="small" data-testid="widget-ae-product-id">
          {listing.ae_product_id ?? "Not listed yet"}
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          Last synced
        </Text>
        <Text size="small">{formatDateTime(listing.last_synced_at)}</Text>
      </div>
      {listing.audit_reason && (
        <Text size="small" className="text-ui-fg-error">
          AliExpress review: {listing.audit_reason}
        </Text>
      )}
      {listing.last_error && (
        <Text size="small" className="text-ui-fg-error">
          {listing.last_error}
        </Text>
      )}
      {(listing.problems?.length ?? 0) > 0 && <ProblemsList problems={listing.problems ?? []} />}
      <div className="flex items-center justify-between">
        <Link to={accountPath(`/aliexpress/products?listing=${listing.id}`, listing.account_id)} className="txt-compact-small text-ui-fg-interactive">
          Open in AliExpress products
        </Link>
        <Button size="small" variant="secondary" onClick={onSync} isLoading={sync.isPending} data-testid="widget-sync">
          Sync now
        </Button>
      </div>
    </div>
  )
}
