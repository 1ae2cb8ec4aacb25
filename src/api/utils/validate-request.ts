import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "zod"
import { takeAccountId } from "./account-scope"

type Issue = z.core.$ZodIssue

/** "field.path: message" for every issue, so a merchant always sees which field is wrong. */
export function describeIssues(issues: readonly Issue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path.map(String).join(".")
      if (issue.code === "unrecognized_keys") {
        const keys = issue.keys.map((k) => (path ? `${path}.${k}` : k))
        return `${keys.join(", ")}: unknown field${keys.length > 1 ? "s" : ""}`
      }
      return `${path || "body"}: ${issue.message}`
    })
    .join("; ")
}

/**
 * Like Medusa's validateAndTransformBody, but every error names its field
 * (Medusa's formatter drops the path for format and custom errors).
 */
export function validateBody(schema: z.ZodType) {
  const middleware = validating(schema, "body", "validatedBody")
  // Kept on the middleware so the input-fuzzing tests can enumerate every validated body.
  return Object.assign(middleware, { bodySchema: schema })
}

/** The same for query strings: sets `req.validatedQuery`, errors name the parameter. */
export function validateQuery(loose: z.ZodType, options: { allowUnknown?: boolean } = {}) {
  // Unknown parameters are refused, as Medusa's own query validation does,
  // except where a third party (the OAuth redirect) may add its own.
  const strictable = "strict" in loose && typeof loose.strict === "function"
  const schema = strictable && !options.allowUnknown ? ((loose as unknown as { strict(): z.ZodType }).strict()) : loose
  const middleware = validating(schema, "query", "validatedQuery")
  return Object.assign(middleware, { querySchema: schema, allowsUnknown: !!options.allowUnknown })
}

/** Parses `req[source]` with the schema into `req[target]`; a NUL character or a bad field fails naming it. */
function validating(schema: z.ZodType, source: "body" | "query", target: "validatedBody" | "validatedQuery") {
  return async (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const input = req[source]
    const nul = findNulCharacter(input)
    if (nul !== undefined) {
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${nul || source}: must not contain NUL characters`))
    }
    // Every AliExpress route is scoped by account the same way: `account_id` is taken out here
    // (checked, then kept on the request for accountIdOf) so the routes' own schemas stay as they are.
    const scoped = takeAccountId(req, input)
    if (scoped.error) {
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: account_id: ${scoped.error}`))
    }
    const result = await schema.safeParseAsync(scoped.rest ?? {})
    if (!result.success) {
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${describeIssues(result.error.issues)}`))
    }
    ;(req as unknown as Record<typeof target, unknown>)[target] = result.data
    next()
  }
}

/** PostgreSQL text cannot hold U+0000: refuse it up front, naming the field, instead of failing in the database. */
function findNulCharacter(value: unknown, path = ""): string | undefined {
  if (typeof value === "string") {
    return value.includes("\u0000") ? path : undefined
  }
  if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      const found = findNulCharacter(inner, path ? `${path}.${key}` : key)
      if (found !== undefined) return found
    }
  }
  return undefined
}
