import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ALIEXPRESS_MODULE } from "../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../modules/aliexpress/service"
import { listingSyncRunner } from "../../../../runners/listing-sync"
import type { AdminSyncAliExpressListingsType } from "./validators"
import { withAliExpressErrors } from "../../../utils/aliexpress-errors"
import { accountIdOf } from "../../../utils/account-scope"

/** The progress of the current or last sync run (done/total). */
export const GET = withAliExpressErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const account = await service.getAccount(accountIdOf(req))
  res.json({ progress: account?.sync_progress ?? null, last_sync_at: account?.last_sync_at ?? null })
})

/** "Sync now": queues all products of the channel (or the chosen ones) and starts a run; poll GET for progress. */
export const POST = withAliExpressErrors(async (req: AuthenticatedMedusaRequest<AdminSyncAliExpressListingsType>, res: MedusaResponse) => {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  const { account } = await service.requireConnectedAccount(accountIdOf(req))
  const ids = req.validatedBody.product_ids
  const result = await listingSyncRunner.syncNow(
    req.scope,
    account.id,
    ids ? { product_ids: ids, retry_now: true } : { all: true, retry_now: true },
    { ignore_backoff: true, report: true }
  )
  res.status(202).json({ requested: result.requested, progress: { state: "running", done: 0, total: result.requested } })
})
