import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"

export const deleteLookupListStepId = "delete-aliexpress-lookup-list"

/** Soft-deletes a lookup list; compensation restores it. */
export const deleteLookupListStep = createStep(
  deleteLookupListStepId,
  async (input: { id: string }, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    await service.retrieveAliExpressLookupList(input.id)
    await service.softDeleteAliExpressLookupLists(input.id)
    return new StepResponse({ id: input.id, deleted: true }, input.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await (container.resolve(ALIEXPRESS_MODULE) as AliExpressModuleService).restoreAliExpressLookupLists(id)
  }
)
