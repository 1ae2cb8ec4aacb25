import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ALIEXPRESS_MODULE } from "../../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../../modules/aliexpress/service"
import { saveTemplateWorkflow } from "../../../../../workflows/listings/workflows/save-template"
import { deleteTemplateWorkflow } from "../../../../../workflows/listings/workflows/delete-template"
import { listingSyncRunner } from "../../../../../runners/listing-sync"
import type { AdminUpdateAliExpressTemplateType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  res.json({ template: await service.retrieveAliExpressTemplate(req.params.id) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateAliExpressTemplateType>, res: MedusaResponse) => {
  const { result } = await saveTemplateWorkflow(req.scope).run({ input: { ...(req.validatedBody as any), id: req.params.id } })
  const products_to_update = await listingSyncRunner.templateChanged(req.scope, req.params.id)
  res.json({ template: result, products_to_update })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  // The accounts listing with it now: their listings change once it is gone.
  const usedBy = await listingSyncRunner.accountsUsingTemplate(req.scope, req.params.id)
  await deleteTemplateWorkflow(req.scope).run({ input: { id: req.params.id } })
  const products_to_update = await listingSyncRunner.templateChanged(req.scope, req.params.id, usedBy)
  res.json({ id: req.params.id, object: "aliexpress_template", deleted: true, products_to_update })
}
