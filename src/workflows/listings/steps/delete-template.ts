import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"

export const deleteTemplateStepId = "delete-aliexpress-template"

/** Soft-deletes a mapping template; compensation restores it. */
export const deleteTemplateStep = createStep(
  deleteTemplateStepId,
  async (input: { id: string }, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    await service.retrieveAliExpressTemplate(input.id)
    await service.softDeleteAliExpressTemplates(input.id)
    return new StepResponse({ id: input.id, deleted: true }, input.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await (container.resolve(ALIEXPRESS_MODULE) as AliExpressModuleService).restoreAliExpressTemplates(id)
  }
)
