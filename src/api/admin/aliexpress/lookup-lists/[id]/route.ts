import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ALIEXPRESS_MODULE } from "../../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../../modules/aliexpress/service"
import { saveLookupListWorkflow } from "../../../../../workflows/listings/workflows/save-lookup-list"
import { deleteLookupListWorkflow } from "../../../../../workflows/listings/workflows/delete-lookup-list"
import { listingSyncRunner } from "../../../../../runners/listing-sync"
import type { AdminUpdateAliExpressLookupListType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  res.json({ lookup_list: await service.retrieveAliExpressLookupList(req.params.id) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateAliExpressLookupListType>, res: MedusaResponse) => {
  const { result } = await saveLookupListWorkflow(req.scope).run({ input: { ...req.validatedBody, id: req.params.id } })
  const products_to_update = await listingSyncRunner.lookupListChanged(req.scope)
  res.json({ lookup_list: result, products_to_update })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteLookupListWorkflow(req.scope).run({ input: { id: req.params.id } })
  const products_to_update = await listingSyncRunner.lookupListChanged(req.scope)
  res.json({ id: req.params.id, object: "aliexpress_lookup_list", deleted: true, products_to_update })
}
