import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { ListingStatusBadge } from "../components/status-badges"
import { ListingSummary } from "../components/widgets/listing-summary"
import { useListingsForProduct } from "../hooks/listings"

/** On the product page: where this product stands on each AliExpress seller account that lists it. */
const ProductAliExpressWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const { data: listings = [], isPending, isError, error } = useListingsForProduct(product.id)
  const single = listings.length === 1 ? listings[0] : null

  return (
    <Container className="divide-y p-0" data-testid="aliexpress-product-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">AliExpress</Heading>
          {single?.account_name && (
            <Text size="small" className="text-ui-fg-subtle" data-testid="widget-account-name">
              {single.account_name}
            </Text>
          )}
        </div>
        {single && <ListingStatusBadge status={single.status} />}
      </div>
      {isPending ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          Loading…
        </Text>
      ) : isError ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          {(error as Error)?.message}
        </Text>
      ) : !listings.length ? (
        <div className="flex flex-col gap-y-3 px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            Not listed on AliExpress. Add the product to an AliExpress account's sales channel to list it.
          </Text>
          <Link to="/aliexpress/products" className="txt-compact-small text-ui-fg-interactive">
            All AliExpress products
          </Link>
        </div>
      ) : (
        listings.map((l) => <ListingSummary key={l.id} listing={l} showAccount={!single} />)
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.after" })

export default ProductAliExpressWidget
