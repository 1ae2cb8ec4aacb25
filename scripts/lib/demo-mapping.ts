import type { MedusaContainer } from "@medusajs/framework/types"
import { ALIEXPRESS_MODULE } from "../../src/modules/aliexpress"
import type AliExpressModuleService from "../../src/modules/aliexpress/service"
import { defaultTemplate } from "../../src/lib/mapping"
import { DEMO_CATEGORIES, DEMO_VALUE_LISTS, demoAttributeMapping } from "./demo-catalogue"

/**
 * The demo's mapping: the default template plus what every merchant chooses
 * once — a lookup list from Medusa categories to AliExpress leaf categories,
 * the freight and service templates of the sandbox seller, and the category
 * attributes (Brand, Origin, Material with a value list, Gender).
 */
export async function applyDemoMapping(container: MedusaContainer): Promise<void> {
  const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)

  const [list] = await service.listAliExpressLookupLists({ name: "categories" })
  if (!list) {
    await service.createAliExpressLookupLists({
      name: "categories",
      description: "Medusa category handle -> AliExpress leaf category id",
      entries: DEMO_CATEGORIES.map((c) => ({ from: c.handle, to: c.aliexpressCategoryId })) as any,
    })
  }

  for (const valueList of DEMO_VALUE_LISTS) {
    const [existing] = await service.listAliExpressLookupLists({ name: valueList.name })
    if (!existing) {
      await service.createAliExpressLookupLists({
        name: valueList.name,
        description: "Catalogue value -> AliExpress value id",
        entries: valueList.entries as any,
      })
    }
  }

  const base = defaultTemplate()
  const attributes = demoAttributeMapping()
  const [template] = await service.listAliExpressTemplates({ is_default: true })
  const fields = {
    ...base.fields,
    category_id: { source: "lookup", list: "categories", path: "categories.handle", on_miss: "problem" },
    freight_template_id: { source: "constant", value: "1000" },
    service_template_id: { source: "constant", value: "1001001" },
  }
  if (template) {
    await service.updateAliExpressTemplates({ id: template.id, fields: fields as any, attributes: attributes as any })
  } else {
    await service.createAliExpressTemplates({
      name: "Default",
      is_default: true,
      fields: fields as any,
      attributes: attributes as any,
      settings: base.settings as any,
    })
  }
}
