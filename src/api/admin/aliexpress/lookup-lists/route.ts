import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../modules/aliexpress/service"
import { saveLookupListWorkflow } from "../../../../workflows/listings/workflows/save-lookup-list"
import { listingSyncRunner } from "../../../../runners/listing-sync"
import type { AdminCreateAliExpressLookupListType } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  res.json({ lookup_lists: await service.listAliExpressLookupLists({}, { order: { name: "ASC" } }) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateAliExpressLookupListType>, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const [clash] = await service.listAliExpressLookupLists({ name: req.validatedBody.name }, { take: 1 })
  if (clash) {
    // The unique index is the guarantee; this only gives the merchant a clear message.
    throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `name: a lookup list named "${req.validatedBody.name}" already exists`)
  }
  const { result } = await saveLookupListWorkflow(req.scope).run({ input: req.validatedBody })
  const products_to_update = await listingSyncRunner.lookupListChanged(req.scope)
  res.status(201).json({ lookup_list: result, products_to_update })
}
