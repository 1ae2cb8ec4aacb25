import type { MedusaRequest } from "@medusajs/framework/http"
import { ALIEXPRESS_MODULE } from "../../modules/aliexpress"
import type AliExpressModuleService from "../../modules/aliexpress/service"

const ACCOUNT_ID = /^[A-Za-z0-9_-]{1,64}$/

type Scoped = MedusaRequest & { aliexpressAccountId?: string }

/**
 * Takes `account_id` out of a query or body: a valid one is kept on the request, the rest of
 * the input goes to the route's own schema. Absent is fine: a store with one account needs none.
 */
export function takeAccountId(req: MedusaRequest, input: unknown): { rest: unknown; error?: string } {
  if (!input || typeof input !== "object" || Array.isArray(input) || !("account_id" in input)) {
    return { rest: input }
  }
  const { account_id, ...rest } = input as Record<string, unknown>
  if (account_id === undefined || account_id === null || account_id === "") {
    return { rest }
  }
  if (typeof account_id !== "string" || !ACCOUNT_ID.test(account_id)) {
    return { rest, error: "must be an account id" }
  }
  ;(req as Scoped).aliexpressAccountId = account_id
  return { rest }
}

/** The account a request names (query for GET, body for POST), or undefined for the store's only one. */
export function accountIdOf(req: MedusaRequest): string | undefined {
  const scoped = (req as Scoped).aliexpressAccountId
  if (scoped) return scoped
  const fromQuery = (req.query as Record<string, unknown> | undefined)?.account_id
  if (typeof fromQuery === "string" && ACCOUNT_ID.test(fromQuery)) return fromQuery
  const fromBody = (req.body as Record<string, unknown> | undefined)?.account_id
  if (typeof fromBody === "string" && ACCOUNT_ID.test(fromBody)) return fromBody
  return undefined
}

/** The account a request is about: the named one (404 if unknown), else the only one; null when there is none. */
export async function accountOf(req: MedusaRequest) {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  return await service.getAccount(accountIdOf(req))
}

/** As accountOf, but refuses when the store has no account yet. */
export async function requireAccountOf(req: MedusaRequest) {
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  return await service.requireAccount(accountIdOf(req))
}
