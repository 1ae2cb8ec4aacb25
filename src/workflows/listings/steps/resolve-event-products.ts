import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  productIdsOfInventoryLevels,
  productIdsOfOrders,
  productIdsOfReservations,
  productIdsOfVariants,
} from "../helpers/event-products"

export const resolveEventProductsStepId = "resolve-aliexpress-event-products"

export type EventRecordIds = {
  product_ids?: string[]
  variant_ids?: string[]
  inventory_level_ids?: string[]
  reservation_ids?: string[]
  order_ids?: string[]
}

/** The products behind the records store events named (variants, stock levels, reservations, orders). A read. */
export const resolveEventProductsStep = createStep(resolveEventProductsStepId, async (input: EventRecordIds, { container }) => {
  const found = await Promise.all([
    productIdsOfVariants(container, input.variant_ids ?? []),
    productIdsOfInventoryLevels(container, input.inventory_level_ids ?? []),
    productIdsOfReservations(container, input.reservation_ids ?? []),
    productIdsOfOrders(container, input.order_ids ?? []),
  ])
  return new StepResponse([...new Set([...(input.product_ids ?? []), ...found.flat()])])
})
