import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"

export const upsertLookupListStepId = "upsert-aliexpress-lookup-list"

export type UpsertLookupListInput = {
  id?: string
  name?: string
  description?: string | null
  entries?: { from: string; to: string }[]
}

/** Creates or updates a lookup list (unique name enforced by the database). Compensation restores. */
export const upsertLookupListStep = createStep(
  upsertLookupListStepId,
  async (input: UpsertLookupListInput, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const previous = input.id ? await service.retrieveAliExpressLookupList(input.id) : null
    const { id, ...data } = input
    const saved = id
      ? await service.updateAliExpressLookupLists({ id, ...data } as any)
      : await service.createAliExpressLookupLists({ entries: [], ...data } as any)
    return new StepResponse(saved, { previous, createdId: id ? null : saved.id })
  },
  async (comp, { container }) => {
    if (!comp) {
      return
    }
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    if (comp.createdId) {
      await service.deleteAliExpressLookupLists(comp.createdId)
    }
    if (comp.previous) {
      const { created_at, updated_at, deleted_at, ...row } = comp.previous as any
      await service.updateAliExpressLookupLists(row)
    }
  }
)
