import { z } from "zod"

export const AdminStartAliExpressOAuth = z.object({}).strict()
export type AdminStartAliExpressOAuthType = z.infer<typeof AdminStartAliExpressOAuth>

/** Loose on purpose: the gateway may append its own parameters (e.g. `sp`). */
export const AdminAliExpressOAuthCallback = z.object({
  code: z.string().trim().min(1).max(500).optional(),
  state: z.string().trim().min(1).max(200).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
})
export type AdminAliExpressOAuthCallbackType = z.infer<typeof AdminAliExpressOAuthCallback>

export const AdminDisconnectAliExpress = z.object({}).strict()
