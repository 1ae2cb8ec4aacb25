import { MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { buildPayload, productCategoryId, type MappingTemplate } from "../../../lib/mapping"
import { loadListingProducts } from "./load-products"
import { loadMappingSetup } from "./mapping-setup"
import { computeSellableStock, resolveStockLocationIds } from "./sellable-stock"

/**
 * The exact payload the sync would send for a product (with its source image URLs: the
 * image-bank ones are only known after upload), and its problems. With a template in the
 * request, that unsaved template is tried instead of the active one.
 */
export async function previewListing(container: MedusaContainer, accountId: string | undefined, productId: string, template?: MappingTemplate) {
  const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
  const account = await service.requireAccount(accountId)
  const product = (await loadListingProducts(container, [productId])).get(productId)
  if (!product) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${productId} was not found`)
  }
  const client = account.status === "connected" && account.access_token_encrypted ? service.getClient(account) : undefined
  const setup = await loadMappingSetup(container, service, account, client).catch(() => loadMappingSetup(container, service, account))
  const stock = await computeSellableStock(container, product.inventory, await resolveStockLocationIds(container, account))
  const active = template ?? setup.template
  const categoryId = productCategoryId(product.source, active, setup.lookupLists)
  // Connected: the category's attribute definitions, so the preview shows the attribute_list a sync would send.
  const defs = client && categoryId ? await service.categoryAttributes(account, [categoryId], { client }).catch(() => undefined) : undefined
  const categoryAttributes = client ? (id: string) => defs?.get(id) : undefined
  const result = buildPayload(product.source, { ...setup, template: active, stock, categoryAttributes })
  return {
    product_id: productId,
    template: template?.name ?? setup.template.name,
    valid: result.problems.length === 0,
    payload: result.payload,
    problems: result.problems,
    attributes: result.attributes,
    source_images: result.sourceImages,
    variant_skus: result.variantSkus,
  }
}
