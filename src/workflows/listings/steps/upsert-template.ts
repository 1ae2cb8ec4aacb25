import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"

export const upsertTemplateStepId = "upsert-aliexpress-template"

export type UpsertTemplateInput = {
  id?: string
  name?: string
  fields?: Record<string, unknown>
  attributes?: Record<string, unknown>
  settings?: Record<string, unknown>
  is_default?: boolean
}

/** Creates or updates a mapping template; one template at most is the default. Compensation restores. */
export const upsertTemplateStep = createStep(
  upsertTemplateStepId,
  async (input: UpsertTemplateInput, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const formerDefaults = input.is_default ? await service.listAliExpressTemplates({ is_default: true }) : []
    const previous = input.id ? await service.retrieveAliExpressTemplate(input.id) : null
    const isFirst = !input.id && (await service.listAliExpressTemplates({}, { take: 1 })).length === 0
    if (formerDefaults.length) {
      await service.updateAliExpressTemplates({ selector: { id: formerDefaults.map((t) => t.id) }, data: { is_default: false } })
    }
    const { id, ...data } = input
    const saved = id
      ? await service.updateAliExpressTemplates({ id, ...data } as any)
      : await service.createAliExpressTemplates({ settings: {}, ...data, is_default: input.is_default ?? isFirst } as any)
    return new StepResponse(saved, { previous, createdId: id ? null : saved.id, formerDefaults: formerDefaults.map((t) => t.id) })
  },
  async (comp, { container }) => {
    if (!comp) {
      return
    }
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    if (comp.createdId) {
      await service.deleteAliExpressTemplates(comp.createdId)
    }
    if (comp.previous) {
      const { created_at, updated_at, deleted_at, ...row } = comp.previous as any
      await service.updateAliExpressTemplates(row)
    }
    if (comp.formerDefaults.length) {
      await service.updateAliExpressTemplates({ selector: { id: comp.formerDefaults }, data: { is_default: true } })
    }
  }
)
