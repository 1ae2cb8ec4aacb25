import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AeOrderSnapshot, MatchedLine } from "../../../lib/orders/types"

export const matchOrderLinesStepId = "match-aliexpress-order-lines"

/** The variant and product fields Medusa copies onto an order's line items. */
const MATCHED_VARIANT_FIELDS = [
  "id",
  "sku",
  "title",
  "barcode",
  "thumbnail",
  "product_id",
  "product.title",
  "product.description",
  "product.subtitle",
  "product.thumbnail",
  "product.handle",
  "product.discountable",
  "product.is_giftcard",
  "product.type.id",
  "product.type.value",
  "product.collection.title",
  "inventory_items.inventory.requires_shipping",
  // What the reservation needs, read here once instead of reading the new order back.
  "manage_inventory",
  "allow_backorder",
  "inventory_items.inventory_item_id",
  "inventory_items.required_quantity",
  "inventory_items.inventory.location_levels.location_id",
  "inventory_items.inventory.location_levels.stocked_quantity",
  "inventory_items.inventory.location_levels.reserved_quantity",
]

/**
 * Finds the Medusa variant of each AliExpress item by SKU code (the listing sends variant SKUs
 * as sku_code), with what its order line copies from the variant and product.
 */
export const matchOrderLinesStep = createStep(
  matchOrderLinesStepId,
  async (input: { snapshot: AeOrderSnapshot }, { container }) => {
    const skus = [...new Set(input.snapshot.items.map((i) => i.sku_code).filter((s): s is string => !!s))]
    if (!skus.length) {
      return new StepResponse([] as MatchedLine[])
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product_variant",
      fields: MATCHED_VARIANT_FIELDS,
      filters: { sku: skus },
    })
    const matches: MatchedLine[] = data
      .filter((v: any) => v.sku)
      .map((v: any) => ({
        sku_code: v.sku,
        variant_id: v.id,
        product_id: v.product_id,
        title: v.title,
        product_title: v.product?.title ?? null,
        details: {
          barcode: v.barcode ?? null,
          thumbnail: v.thumbnail ?? null,
          product_description: v.product?.description ?? null,
          product_subtitle: v.product?.subtitle ?? null,
          product_thumbnail: v.product?.thumbnail ?? null,
          product_handle: v.product?.handle ?? null,
          product_type: v.product?.type?.value ?? null,
          product_type_id: v.product?.type?.id ?? null,
          product_collection: v.product?.collection?.title ?? null,
          product_discountable: v.product?.discountable !== false,
          product_is_giftcard: !!v.product?.is_giftcard,
          // As Medusa decides for its own line items: shipped when any of its inventory is.
          requires_shipping: (v.inventory_items ?? []).some((link: any) => !!link?.inventory?.requires_shipping),
        },
        stock: {
          manage_inventory: !!v.manage_inventory,
          allow_backorder: !!v.allow_backorder,
          inventory_items: (v.inventory_items ?? []).filter(Boolean).map((link: any) => ({
            inventory_item_id: link.inventory_item_id,
            required_quantity: Number(link.required_quantity ?? 1),
            inventory: { location_levels: (link.inventory?.location_levels ?? []).filter(Boolean) },
          })),
        },
      }))
    return new StepResponse(matches)
  }
)
