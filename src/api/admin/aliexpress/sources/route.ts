import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../modules/aliexpress/service"
import { LISTING_PRODUCT_FIELDS, toListingProduct } from "../../../../lib/listings/source-product"
import { catalogueSources } from "../../../../lib/mapping/catalogue-sources"
import type { AdminListAliExpressSourcesType } from "./validators"
import { accountIdOf } from "../../../utils/account-scope"

/** Organising entities read for examples: a handful each, whatever the catalogue holds. */
const ENTITY_EXAMPLES = 20

/**
 * The attributes a mapping template can read, with example values from the merchant's own
 * products: the `sample` newest products of the AliExpress channel (the most recently updated
 * of the whole catalogue before a channel is set), plus a few categories, collections, types and
 * tags. Every query is bounded, so a catalogue of 100,000 products answers as fast as ten.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { sample } = req.validatedQuery as AdminListAliExpressSourcesType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const account = await (req.scope.resolve(ALIEXPRESS_MODULE) as AliExpressModuleService).getAccount(accountIdOf(req))
  const few = { pagination: { take: ENTITY_EXAMPLES, skip: 0 } }

  // Product ids are time-ordered: the newest of the channel are the ones being mapped now.
  const channelIds = account?.sales_channel_id
    ? (
        await query.graph({
          entity: "product_sales_channel",
          fields: ["product_id"],
          filters: { sales_channel_id: account.sales_channel_id },
          pagination: { take: sample, skip: 0, order: { product_id: "DESC" } },
        })
      ).data.map((row: { product_id: string }) => row.product_id)
    : null
  const [products, categories, collections, types, tags] = await Promise.all([
    channelIds && !channelIds.length
      ? { data: [] }
      : query.graph({
          entity: "product",
          fields: LISTING_PRODUCT_FIELDS,
          filters: channelIds ? { id: channelIds } : {},
          pagination: { take: sample, skip: 0, order: { updated_at: "DESC" } },
        }),
    query.graph({ entity: "product_category", fields: ["name", "handle"], ...few }),
    query.graph({ entity: "product_collection", fields: ["title", "handle"], ...few }),
    query.graph({ entity: "product_type", fields: ["value"], ...few }),
    query.graph({ entity: "product_tag", fields: ["value"], ...few }),
  ])
  const sampled = products.data.map((raw: any) => toListingProduct(raw).source)
  res.json({
    sources: catalogueSources(sampled, {
      categories: categories.data as { name: string; handle: string }[],
      collections: collections.data as { title: string; handle: string }[],
      types: types.data.map((t: any) => t.value),
      tags: tags.data.map((t: any) => t.value),
    }),
    sampled_products: sampled.length,
    sample_limit: sample,
  })
}
