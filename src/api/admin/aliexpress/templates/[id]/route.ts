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
  listingSyncRunner.schedule(req.scope)
  res.json({ template: result })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteTemplateWorkflow(req.scope).run({ input: { id: req.params.id } })
  listingSyncRunner.schedule(req.scope)
  res.json({ id: req.params.id, object: "aliexpress_template", deleted: true })
}
