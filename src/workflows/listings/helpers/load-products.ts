import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { LISTING_PRODUCT_FIELDS, toListingProduct, type ListingProduct } from "../../../lib/listings/source-product"
import { readListingProductRows } from "./listing-product-rows"

/**
 * Loads products for listing by id, in one SQL statement (`readListingProductRows`), or through
 * `query.graph` if that fails; deleted products are simply absent from the result.
 */
export async function loadListingProducts(container: MedusaContainer, ids: string[]): Promise<Map<string, ListingProduct>> {
  if (!ids.length) {
    return new Map()
  }
  const rows = (await readListingProductRows(container, ids)) ?? (await graphListingProductRows(container, ids))
  return new Map(rows.map((raw) => [raw.id, toListingProduct(raw)]))
}

/** The same products through `query.graph`: the fallback, and the reference the SQL is checked against. */
export async function graphListingProductRows(container: MedusaContainer, ids: string[]): Promise<any[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: LISTING_PRODUCT_FIELDS,
    filters: { id: ids },
  })
  return data
}

/**
 * Product ids of a sales channel, a page at a time in id order, each page after the last id of
 * the one before (the catalogue is never loaded whole). Keyed rather than skipped: a skip reads
 * and throws away every earlier row, so queueing 100,000 products read 5 million.
 */
export async function pageChannelProductIds(
  container: MedusaContainer,
  salesChannelId: string,
  after: string | null,
  take: number
): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_sales_channel",
    fields: ["product_id"],
    filters: { sales_channel_id: salesChannelId, ...(after === null ? {} : { product_id: { $gt: after } }) },
    pagination: { take, order: { product_id: "ASC" } },
  })
  return data.map((row: { product_id: string }) => row.product_id)
}

/** Which of the given products are in the sales channel. */
export async function productsInChannel(
  container: MedusaContainer,
  salesChannelId: string,
  productIds: string[]
): Promise<Set<string>> {
  if (!productIds.length) {
    return new Set()
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_sales_channel",
    fields: ["product_id"],
    filters: { sales_channel_id: salesChannelId, product_id: productIds },
  })
  return new Set(data.map((row: { product_id: string }) => row.product_id))
}
