import type { z } from "zod"
import { AliExpressPermanentError } from "../errors"
import type { CallOptions } from "../types"

export type Payload = Record<string, unknown>

/** The low-level call the typed methods are built on (`AliExpressClient.call`). */
export type Caller = (method: string, params?: Record<string, unknown>, options?: CallOptions) => Promise<Payload>

/**
 * Validates a success payload. A mismatch means the API answered in a shape we do not know;
 * sending the call again would not change that (and may repeat a write), so it is permanent.
 */
export function parsePayload<S extends z.ZodType>(schema: S, payload: unknown, method: string): z.output<S> {
  const result = schema.safeParse(payload)
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
      .join("; ")
    throw new AliExpressPermanentError({
      code: "UnexpectedResponse",
      message: `AliExpress ${method}: unexpected response (${issues})`,
      method,
    })
  }
  return result.data
}

export function invalidArgument(method: string, message: string): AliExpressPermanentError {
  return new AliExpressPermanentError({ code: "InvalidArgument", message: `AliExpress ${method}: ${message}`, method })
}
