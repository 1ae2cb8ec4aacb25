import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "zod"

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
  const middleware = async (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const nul = findNulCharacter(req.body)
    if (nul !== undefined) {
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${nul || "body"}: must not contain NUL characters`))
    }
    const result = await schema.safeParseAsync(req.body ?? {})
    if (!result.success) {
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${describeIssues(result.error.issues)}`))
    }
    ;(req as MedusaRequest & { validatedBody: unknown }).validatedBody = result.data
    next()
  }
  // Kept on the middleware so the input-fuzzing tests can enumerate every validated body.
  return Object.assign(middleware, { bodySchema: schema })
}

/** The same for query strings: sets `req.validatedQuery`, errors name the parameter. */
export function validateQuery(loose: z.ZodType, options: { allowUnknown?: boolean } = {}) {
  // Unknown parameters are refused, as Medusa's own query validation does,
  // except where a third party (the OAuth redirect) may add its own.
  const strictable = "strict" in loose && typeof loose.strict === "function"
  const schema = strictable && !options.allowUnknown ? ((loose as unknown as { strict(): z.ZodType }).strict()) : loose
  const middleware = async (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const nul = findNulCharacter(req.query)
    if (nul !== undefined) {
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${nul || "query"}: must not contain NUL characters`))
    }
    const result = await schema.safeParseAsync(req.query ?? {})
    if (!result.success) {
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${describeIssues(result.error.issues)}`))
    }
    ;(req as unknown as { validatedQuery: unknown }).validatedQuery = result.data
    next()
  }
  return Object.assign(middleware, { querySchema: schema, allowsUnknown: !!options.allowUnknown })
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
