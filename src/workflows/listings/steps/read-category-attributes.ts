import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AliExpressClient } from "../../../lib/aliexpress"
import {
  productCategoryId,
  type CategoryAttributes,
  type MappingContext,
  type SourceProduct,
} from "../../../lib/mapping"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"

export const readCategoryAttributesStepId = "read-aliexpress-category-attributes"

type Account = Awaited<ReturnType<AliExpressModuleService["requireAccount"]>>

/**
 * The attribute definitions of the categories these products map to, as the mapping context's
 * reader: one sku.attribute.query per category not yet kept, none per product.
 */
export async function readCategoryAttributes(
  service: AliExpressModuleService,
  account: Account,
  client: AliExpressClient | undefined,
  products: SourceProduct[],
  setup: Pick<MappingContext, "template" | "lookupLists">
): Promise<NonNullable<MappingContext["categoryAttributes"]>> {
  const ids = new Set<string>()
  for (const product of products) {
    const id = productCategoryId(product, setup.template, setup.lookupLists)
    if (id) ids.add(id)
  }
  const defs = await service.categoryAttributes(account, [...ids], { client })
  return (id) => defs.get(id)
}

/** Reads (or refreshes) the attribute definitions of the given categories for the account. */
export const readCategoryAttributesStep = createStep(
  readCategoryAttributesStepId,
  async (input: { account_id?: string | null; category_ids: string[]; refresh?: boolean }, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const account = await service.requireAccount(input.account_id)
    const defs = await service.categoryAttributes(account, input.category_ids, { refresh: input.refresh })
    return new StepResponse(Object.fromEntries(defs) as Record<string, CategoryAttributes>)
  }
)
