import type AliExpressModuleService from "../../../../../modules/aliexpress/service"
import { ALIEXPRESS_MODULE } from "../../../../../modules/aliexpress"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { defaultTemplate, FIELD_DEFINITIONS } from "../../../../../lib/mapping"
import { withAliExpressErrors } from "../../../../utils/aliexpress-errors"
import { accountIdOf } from "../../../../utils/account-scope"

const REMOTE = {
  "freight-templates": (c: any) => c.listFreightTemplates(),
  "service-templates": (c: any) => c.listServiceTemplates(),
  "logistics-services": (c: any) => c.listLogisticsServices(),
} as const

/**
 * Reference data for the admin editor: the seller's freight templates, service templates and
 * logistics services (read from AliExpress), and the template fields.
 */
export const GET = withAliExpressErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const kind = req.params.kind
  if (kind === "fields") {
    return res.json({ fields: FIELD_DEFINITIONS, builtin_template: defaultTemplate() })
  }
  const read = REMOTE[kind as keyof typeof REMOTE]
  if (!read) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Unknown reference "${kind}": use ${[...Object.keys(REMOTE), "fields"].join(", ")}`)
  }
  const { client } = await (req.scope.resolve(ALIEXPRESS_MODULE) as AliExpressModuleService).requireConnectedAccount(accountIdOf(req))
  res.json({ [kind.replace(/-/g, "_")]: await read(client) })
})
