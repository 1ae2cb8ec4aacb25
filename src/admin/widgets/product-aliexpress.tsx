import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { ListingStatusBadge } from "../components/status-badges"
import { ProblemsList } from "../components/problems-list"
import { useSyncNow } from "../hooks/actions"
import { useListingForProduct } from "../hooks/listings"
import { toastError } from "../lib/errors"
import { formatDateTime } from "../lib/format"

/** On the product page: where this product stands on AliExpress, what blocks it, and a sync button. */
const ProductAliExpressWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const { data: listing, isLoading, isError, error } = useListingForProduct(product.id)
  const sync = useSyncNow()

  const onSync = async () => {
    try {
      await sync.mutateAsync({ product_ids: [product.id] })
      toast.success("AliExpress sync requested")
    } catch (e) {
      toastError(e)
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="aliexpress-product-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">AliExpress</Heading>
        {listing && <ListingStatusBadge status={listing.status} />}
      </div>
      <div className="flex flex-col gap-y-3 px-6 py-4">
        {isLoading ? (
          <Text size="small" className="text-ui-fg-subtle">
            Loading…
          </Text>
        ) : isError ? (
          <Text size="small" className="text-ui-fg-error">
            {(error as Error)?.message}
          </Text>
        ) : !listing ? (
          <Text size="small" className="text-ui-fg-subtle">
            Not listed on AliExpress. Add the product to the AliExpress sales channel to list it.
          </Text>
        ) : (
          <>
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
          </>
        )}
      </div>
      <div className="flex items-center justify-between px-6 py-4">
        <Link to={`/aliexpress/products${listing ? `?listing=${listing.id}` : ""}`} className="txt-compact-small text-ui-fg-interactive">
          All AliExpress products
        </Link>
        <Button size="small" variant="secondary" onClick={onSync} isLoading={sync.isPending} disabled={!listing} data-testid="widget-sync">
          Sync now
        </Button>
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.after" })

export default ProductAliExpressWidget
