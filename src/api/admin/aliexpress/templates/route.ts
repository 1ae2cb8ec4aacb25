import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ALIEXPRESS_MODULE } from "../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../modules/aliexpress/service"
import { defaultTemplate, FIELD_DEFINITIONS } from "../../../../lib/mapping"
import { saveTemplateWorkflow } from "../../../../workflows/listings/workflows/save-template"
import { listingSyncRunner } from "../../../../runners/listing-sync"
import type { AdminCreateAliExpressTemplateType } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const templates = await service.listAliExpressTemplates({}, { order: { created_at: "ASC" } })
  res.json({ templates, field_definitions: FIELD_DEFINITIONS, builtin_template: defaultTemplate() })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateAliExpressTemplateType>, res: MedusaResponse) => {
  const { result } = await saveTemplateWorkflow(req.scope).run({ input: req.validatedBody as any })
  const products_to_update = await listingSyncRunner.templateChanged(req.scope, (result as any).id)
  res.status(201).json({ template: result, products_to_update })
}
