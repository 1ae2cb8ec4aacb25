import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pageChannelProductIds, loadListingProducts } from "../helpers/load-products"
import { loadActiveTemplate, loadLookupLists } from "../helpers/mapping-setup"
import { productCategoryId, valueMatchReport, type AttributeReport, type CategoryAttributes, type SourceProduct } from "../../../lib/mapping"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"

export const reportAttributeValuesStepId = "report-aliexpress-attribute-values"

/** Products of the channel looked at for the value table: enough to show the catalogue's values. */
const MAX_SCANNED = 2000
const PAGE = 200

export type AttributeValuesReport = { products: number; scanned: number; attributes: AttributeReport[] }

/**
 * How the channel's products in one category meet its attributes with the saved template: per
 * attribute, which values match, go to "Other" or fail, with counts. Only reads.
 */
export const reportAttributeValuesStep = createStep(
  reportAttributeValuesStepId,
  async (input: { account_id?: string | null; defs: CategoryAttributes }, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const account = await service.requireAccount(input.account_id)
    const [template, lookupLists] = await Promise.all([loadActiveTemplate(service, account), loadLookupLists(service)])
    const inCategory: SourceProduct[] = []
    let scanned = 0
    let after: string | null = null
    while (account.sales_channel_id && scanned < MAX_SCANNED) {
      const ids: string[] = await pageChannelProductIds(container, account.sales_channel_id, after, PAGE)
      if (!ids.length) break
      scanned += ids.length
      after = ids[ids.length - 1]
      for (const product of (await loadListingProducts(container, ids)).values()) {
        if (productCategoryId(product.source, template, lookupLists) === input.defs.category_id) inCategory.push(product.source)
      }
      if (ids.length < PAGE) break
    }
    const report: AttributeValuesReport = {
      products: inCategory.length,
      scanned,
      attributes: valueMatchReport(input.defs, inCategory, template, lookupLists),
    }
    return new StepResponse(report)
  }
)
